package dev.vectorizer.adapter.rest;

import dev.vectorizer.domain.quota.RateLimitStatus;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.function.BiConsumer;

/**
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds; the
 * IETF httpapi draft's names) on every answer to an admitted request that has a rate limit, errors
 * included, from the status admission returned.
 */
@Provider
public class RateLimitHeaders implements ContainerResponseFilter {

    /** The request property holding the admitted request's {@link RateLimitStatus}. */
    static final String STATUS = RateLimitHeaders.class.getName() + ".status";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STATUS) instanceof RateLimitStatus status) {
            put(response.getHeaders()::putSingle, status);
        }
    }

    /** Sets the three headers from {@code status} with {@code header(name, value)}. */
    public static void put(BiConsumer<String, Object> header, RateLimitStatus status) {
        header.accept("RateLimit-Limit", String.valueOf(status.limit()));
        header.accept("RateLimit-Remaining", String.valueOf(status.remaining()));
        header.accept("RateLimit-Reset", String.valueOf(status.resetSeconds()));
    }
}
