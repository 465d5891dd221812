package dev.vectorizer.adapter.hub;

import dev.vectorizer.application.port.out.ControlPlane;
import dev.vectorizer.application.port.out.TenantQuotaPort;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.quota.Quota;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tenant plans in hub mode: HiveHub's quota of the tenant ({@code GET /api/v1/tenants/{id}/quota}),
 * which {@link HubClient} keeps for {@code vectorizer.hub.cache.quota-ttl} (bounded, one call for
 * concurrent asks). While HiveHub cannot answer, a kept quota serves for the grace; past it the
 * tenant's requests fail closed ({@link dev.vectorizer.domain.hub.HubUnavailableException}).
 */
@ApplicationScoped
@ControlPlane(ControlPlane.Kind.HIVEHUB)
public class HubTenantQuotas implements TenantQuotaPort {

    private final HubClient client;

    @Inject
    public HubTenantQuotas(HubClient client) {
        this.client = client;
    }

    /** For the CDI client proxy only. */
    protected HubTenantQuotas() {
        this(null);
    }

    @Override
    public Quota quotaOf(TenantId tenant) {
        return client.tenantQuota(tenant);
    }
}
