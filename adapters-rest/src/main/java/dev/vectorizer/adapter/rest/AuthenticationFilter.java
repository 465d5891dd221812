package dev.vectorizer.adapter.rest;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.port.in.AuthenticateQuery;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.tenant.ForbiddenException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authenticates every request to a non-public resource through the application's one
 * authenticator ({@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}) and records the
 * caller for the resources. In single mode, where nobody authenticates, only loopback clients are
 * served unless {@code vectorizer.single.allow-remote} is true.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class AuthenticationFilter implements ContainerRequestFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    AuthenticateQuery authenticate;
    @Inject
    CurrentCaller caller;
    @Inject
    ServerSettings settings;
    @Inject
    @ConfigProperty(name = "vectorizer.single.allow-remote", defaultValue = "false")
    boolean singleAllowsRemote;

    @Context
    ResourceInfo resource;
    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (resource.getResourceClass() != null && resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class)) {
            return;
        }
        if (settings.mode() == ServerMode.SINGLE && !singleAllowsRemote && !isLoopback(servletRequest.getRemoteAddr())) {
            throw new ForbiddenException("single mode serves loopback clients only");
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        Optional<String> bearer = Optional.ofNullable(authorization)
                .filter(h -> h.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(h -> h.substring(BEARER.length()).strip());
        caller.set(authenticate.authenticate(new AuthenticateQuery.Credentials(bearer,
                Optional.ofNullable(request.getHeaderString("X-API-Key")), servletRequest.getRemoteAddr())));
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
