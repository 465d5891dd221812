package dev.vectorizer.adapter.rest;

import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Who the current request acts for, as {@link AuthenticationFilter} established it, resolved to the
 * kind of caller a use case takes: a tenant's for tenant data, the installation administrator for
 * administration. The other kind is refused with 403.
 *
 * <p>The caller is a property of the request itself (in a servlet container JAX-RS keeps request
 * properties as the servlet request's attributes), read through the container's request bean: one
 * instance serves every request. A request-scoped holder cost a bean built, injected and destroyed
 * per request, ~3 % of a REST search's CPU in Weld.
 */
@ApplicationScoped
public class CurrentCaller {

    private static final String ATTRIBUTE = CurrentCaller.class.getName();

    @Inject
    HttpServletRequest request;

    /** Records who {@code request} acts for; only the admission filter calls this. */
    static void establish(ContainerRequestContext request, Caller authenticated) {
        request.setProperty(ATTRIBUTE, authenticated);
    }

    private Caller get() {
        if (request.getAttribute(ATTRIBUTE) instanceof Caller caller) {
            return caller;
        }
        throw new IllegalStateException("request was not authenticated");
    }

    /** The tenant caller; the installation administrator and HiveHub's own calls own no data and are refused here. */
    public Caller.OfTenant tenant() {
        return switch (get()) {
            case Caller.OfTenant tenant -> tenant;
            case Caller.InstallationAdmin admin -> throw new ForbiddenException("the installation administrator key cannot access tenant data; use a tenant key");
            case Caller.HiveHub hub -> throw new ForbiddenException("a service call acts on tenant data only for a user (x-hivehub-user-id)");
        };
    }

    /** The installation administrator; a tenant's credential, whatever its permissions, is refused here. */
    public Caller.InstallationAdmin admin() {
        if (get() instanceof Caller.InstallationAdmin admin) {
            return admin;
        }
        throw new ForbiddenException("only the installation administrator may manage tenants and keys");
    }

    /** Whoever runs the tenants' lifecycle: the installation administrator, or HiveHub in a service call. */
    public Caller.ControlPlane controlPlane() {
        if (get() instanceof Caller.ControlPlane controlPlane) {
            return controlPlane;
        }
        throw new ForbiddenException("only the installation administrator or HiveHub may do this");
    }

    /** HiveHub in a service call that names no user. */
    public Caller.HiveHub hiveHub() {
        if (get() instanceof Caller.HiveHub hub) {
            return hub;
        }
        throw new ForbiddenException("only HiveHub may ask this, in a signed service call");
    }
}
