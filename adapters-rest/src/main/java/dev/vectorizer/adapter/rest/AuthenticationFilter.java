package dev.vectorizer.adapter.rest;

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
 * Authenticates every request to a non-public resource through the application's one
 * authenticator and records the caller for the resources. Every rule (which credential, which
 * client, which mode) is the authenticator's; this filter only hands it the request's credentials.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AuthenticationFilter implements ContainerRequestFilter {

    @Inject
    AuthenticateQuery authenticate;
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
        caller.set(authenticate.authenticate(
                AuthenticateQuery.Credentials.fromHeaders(request::getHeaderString, servletRequest.getRemoteAddr())));
    }
}
