package dev.vectorizer.adapter.rest;

import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who the current request acts for, as {@link AuthenticationFilter} established it, resolved to the
 * kind of caller a use case takes: a tenant's for tenant data, the installation administrator for
 * administration. The other kind is refused with 403.
 */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller authenticated) {
        this.caller = authenticated;
    }

    private Caller get() {
        if (caller == null) {
            throw new IllegalStateException("request was not authenticated");
        }
        return caller;
    }

    /** The tenant caller; the installation administrator owns no data and is refused here. */
    public Caller.OfTenant tenant() {
        if (get() instanceof Caller.OfTenant tenant) {
            return tenant;
        }
        throw new ForbiddenException("the installation administrator key cannot access tenant data; use a tenant key");
    }

    /** The installation administrator; a tenant's credential, whatever its permissions, is refused here. */
    public Caller.InstallationAdmin admin() {
        if (get() instanceof Caller.InstallationAdmin admin) {
            return admin;
        }
        throw new ForbiddenException("only the installation administrator may manage tenants and keys");
    }
}
