package dev.vectorizer.adapter.rest;

import dev.vectorizer.domain.TenantId;
import jakarta.enterprise.context.RequestScoped;

/**
 * The tenant the current request acts for. Until authentication exists every request acts for
 * the implicit {@code default} tenant of single mode; the resources never decide this themselves.
 */
@RequestScoped
public class CurrentTenant {

    public TenantId id() {
        return TenantId.DEFAULT;
    }
}
