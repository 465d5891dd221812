package dev.vectorizer.adapter.rest;

import dev.vectorizer.domain.tenant.Caller;
import jakarta.enterprise.context.RequestScoped;

/**
 * Who the current request acts for. Until authentication exists every request acts as single
 * mode's implicit caller; resources never decide this themselves.
 */
@RequestScoped
public class CurrentCaller {

    public Caller.OfTenant tenant() {
        return Caller.OfTenant.singleMode();
    }
}
