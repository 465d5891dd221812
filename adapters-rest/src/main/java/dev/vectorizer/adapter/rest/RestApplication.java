package dev.vectorizer.adapter.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * JAX-RS owns the whole context (routes live under {@code /api}), so an unknown path anywhere is
 * answered by our problem+json 404 rather than a container page. Health, metrics and OpenAPI are
 * served by the runtime at its own roots.
 *
 * <p>Form uploads ({@code multipart/form-data}, read as {@link jakarta.ws.rs.core.EntityPart}s) need
 * the runtime's multipart reader, which Jersey (Payara's JAX-RS) enables per application; it is named
 * here as a class name, so the adapter compiles against the standard API only.
 */
@ApplicationPath("/")
public class RestApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.provider.classnames", "org.glassfish.jersey.media.multipart.MultiPartFeature");
    }
}
