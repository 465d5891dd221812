package dev.vectorizer.adapter.storage.metadata;

import dev.vectorizer.application.port.out.TenantDirectoryPort;
import dev.vectorizer.domain.tenant.ApiKey;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Tenant;
import java.util.Optional;

/** The audit events the administration services record with a new tenant or key, for tests that create them directly. */
public final class AuditEvents {

    private AuditEvents() {
    }

    /** Adds {@code tenant} as the administration service does, with the audit event of its creation. */
    public static void addTenant(TenantDirectoryPort directory, Tenant tenant) {
        directory.addTenant(tenant, created(tenant));
    }

    public static AuditEvent created(Tenant tenant) {
        return new AuditEvent(tenant.createdAt(), "admin:AAAAAAAAAAAA", Optional.of(tenant.id()), AuditEvent.Action.TENANT_CREATE,
                tenant.id().value(), AuditEvent.Outcome.SUCCESS);
    }

    public static AuditEvent issued(ApiKey key) {
        return new AuditEvent(key.createdAt(), "admin:AAAAAAAAAAAA", key.tenant(), AuditEvent.Action.KEY_CREATE, key.id().value(),
                AuditEvent.Outcome.SUCCESS);
    }
}
