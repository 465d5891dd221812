package dev.vectorizer.adapter.storage.metadata;

import dev.vectorizer.application.port.out.ControlPlane;
import dev.vectorizer.application.port.out.TenantQuotaPort;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tenant plans without HiveHub: what the installation administrator set on the tenant (the tenant
 * directory caches it with the tenant, and caches that a tenant has no record). Single mode's
 * {@code default} tenant has no record: no plan.
 */
@ApplicationScoped
@ControlPlane(ControlPlane.Kind.LOCAL)
public class LocalTenantQuotas implements TenantQuotaPort {

    private final JpaTenantDirectory directory;

    @Inject
    public LocalTenantQuotas(JpaTenantDirectory directory) {
        this.directory = directory;
    }

    /** For the CDI client proxy only. */
    protected LocalTenantQuotas() {
        this(null);
    }

    @Override
    public Quota quotaOf(TenantId tenant) {
        return directory.findTenant(tenant).map(Tenant::quota).orElse(Quota.NONE);
    }
}
