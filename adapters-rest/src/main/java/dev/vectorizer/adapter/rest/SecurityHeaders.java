package dev.vectorizer.adapter.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Defensive headers on every API answer; answers are never cached (they are per tenant). */
@Provider
public class SecurityHeaders implements ContainerResponseFilter {

    /** The headers and their values; also set on the answers the servlet container produces itself. */
    public static final Map<String, String> VALUES = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()",
            "Cache-Control", "no-store");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        VALUES.forEach(response.getHeaders()::putSingle);
    }
}
