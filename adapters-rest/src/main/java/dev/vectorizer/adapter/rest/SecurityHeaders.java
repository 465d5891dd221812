package dev.vectorizer.adapter.rest;

import dev.vectorizer.domain.json.DefensiveHeaders;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** The {@link DefensiveHeaders} on every API answer. */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        DefensiveHeaders.VALUES.forEach(response.getHeaders()::putSingle);
    }
}
