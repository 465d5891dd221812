package dev.vectorizer.adapter.rest;

import dev.vectorizer.application.port.in.AdmitRequestQuery;
import dev.vectorizer.application.port.in.AuthenticateQuery;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Admits every request to a non-public resource through the application's request admission
 * (authentication, then the caller's rate limits) and records the caller for the resources and its
 * rate-limit status for {@link RateLimitHeaders}. Every rule (which credential, which client, which
 * mode, which limits) is the application's; this filter only hands it the request's credentials.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AuthenticationFilter implements ContainerRequestFilter {

    @Inject
    AdmitRequestQuery admission;
    @Inject
    CurrentCaller caller;

    @Context
    ResourceInfo resource;
    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class)) {
            return;
        }
        AdmitRequestQuery.Admission admitted = admission.admit(
                AuthenticateQuery.Credentials.fromHeaders(request::getHeaderString, servletRequest.getRemoteAddr()));
        caller.set(admitted.caller());
        admitted.rateLimit().ifPresent(status -> request.setProperty(RateLimitHeaders.STATUS, status));
    }
}
