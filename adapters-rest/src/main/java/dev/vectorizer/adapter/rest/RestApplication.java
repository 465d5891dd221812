package dev.vectorizer.adapter.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * JAX-RS owns the whole context (routes live under {@code /api}), so an unknown path anywhere is
 * answered by our problem+json 404 rather than a container page. Health, metrics and OpenAPI are
 * served by the runtime at its own roots.
 */
@ApplicationPath("/")
public class RestApplication extends Application {
}
