package dev.vectorizer.adapter.rest;

import dev.vectorizer.application.port.in.AdmitRequestQuery;
import dev.vectorizer.application.port.in.AuthenticateQuery;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Admits every request to a non-public resource through the application's request admission
 * (authentication, then the caller's rate limits) and records the caller for the resources and its
 * rate-limit status for {@link RateLimitHeaders}. Every rule (which credential, which client, which
 * mode, whether a signed call is genuine, which limits) is the application's; this filter only
 * hands it the request: method, raw path and query exactly as sent, headers, the TCP peer, and —
 * only when the application asks for it, for a signed service call — the exact body bytes, which
 * it then hands on to JAX-RS unchanged. {@link BodySizeLimit} runs first, so reading them is
 * bounded.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AuthenticationFilter implements ContainerRequestFilter {

    @Inject
    AdmitRequestQuery admission;

    @Context
    ResourceInfo resource;
    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        Class<?> resourceClass = resource.getResourceClass(); // once: every call goes through HK2's request-scoped proxy
        if (resourceClass != null && resourceClass.isAnnotationPresent(PublicEndpoint.class)) {
            return;
        }
        String query = servletRequest.getQueryString();
        String pathAndQuery = servletRequest.getRequestURI() + (query == null ? "" : "?" + query);
        AdmitRequestQuery.Admission admitted = admission.admit(AuthenticateQuery.Credentials.fromRequest(request.getMethod(), pathAndQuery,
                request::getHeaderString, servletRequest.getRemoteAddr(), () -> body(request)));
        CurrentCaller.establish(request, admitted.caller());
        admitted.rateLimit().ifPresent(status -> request.setProperty(RateLimitHeaders.STATUS, status));
    }

    /** The body's bytes, put back for the resource to read. */
    private static byte[] body(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return new byte[0];
        }
        try {
            byte[] bytes = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(bytes));
            return bytes;
        } catch (IOException brokenOff) {
            throw new ProcessingException("the request body broke off", brokenOff); // the client's doing: a 4xx, not a 500
        }
    }
}
