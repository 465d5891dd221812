package dev.vectorizer.adapter.rest.json;

import dev.vectorizer.domain.json.JsonFields;
import dev.vectorizer.domain.json.MalformedJsonException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;

/**
 * A resource method that takes a JSON body gets one: for a request without a body the runtime
 * would pass {@code null} rather than call {@link JsonBodyReader}, so such a request is refused
 * here (400 {@code MALFORMED_JSON}), after authentication.
 */
@Provider
public class JsonBodyRequired implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method != null && !request.hasEntity() && List.of(method.getParameterTypes()).contains(JsonFields.class)) {
            throw new MalformedJsonException("the request needs a body: a JSON object");
        }
    }
}
