package dev.vectorizer.application.service;

import dev.vectorizer.application.port.out.TenantDirectoryPort;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.Tenant;

/** Resolves a tenant by id for the administration use cases. */
final class TenantLookup {

    private TenantLookup() {
    }

    static Tenant require(TenantDirectoryPort directory, TenantId id) {
        return directory.findTenant(id).orElseThrow(() -> new NotFoundException("tenant '" + id + "' not found"));
    }
}
