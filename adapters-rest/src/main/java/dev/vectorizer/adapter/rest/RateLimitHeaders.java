package dev.vectorizer.adapter.rest;

import dev.vectorizer.domain.json.LimitHeaders;
import dev.vectorizer.domain.quota.RateLimitStatus;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * The {@link LimitHeaders#standing rate-limit headers} on every answer to an admitted request that
 * has a rate limit, errors included, from the status admission returned.
 */
@Provider
public class RateLimitHeaders implements ContainerResponseFilter {

    /** The request property holding the admitted request's {@link RateLimitStatus}. */
    static final String STATUS = RateLimitHeaders.class.getName() + ".status";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STATUS) instanceof RateLimitStatus status) {
            LimitHeaders.standing(status).forEach(response.getHeaders()::putSingle);
        }
    }
}
