package dev.vectorizer.adapter.rest;

import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;

/** Who the current request acts for, as {@link AuthenticationFilter} established it. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    void set(Caller authenticated) {
        this.caller = authenticated;
    }

    /** The authenticated caller (tenant or installation administrator). */
    public Caller get() {
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
}
