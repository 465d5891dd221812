package dev.vectorizer.application.service;

import dev.vectorizer.application.port.in.GetUsageQuery;
import dev.vectorizer.application.port.out.BackupCatalogPort;
import dev.vectorizer.application.usage.QuotaLedger;
import dev.vectorizer.application.usage.RateLimiter;
import dev.vectorizer.application.usage.RequestCounter;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.quota.LimitUse;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Operation;
import dev.vectorizer.domain.usage.UsageStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** A tenant's view of its own usage and limits; any credential that may read may see it. */
@ApplicationScoped
public class UsageService implements GetUsageQuery {

    private final QuotaLedger ledger;
    private final RateLimiter rateLimiter;
    private final RequestCounter requests;
    private final BackupCatalogPort backups;

    @Inject
    public UsageService(QuotaLedger ledger, RateLimiter rateLimiter, RequestCounter requests, BackupCatalogPort backups) {
        this.ledger = ledger;
        this.rateLimiter = rateLimiter;
        this.requests = requests;
        this.backups = backups;
    }

    /** For the CDI client proxy only. */
    protected UsageService() {
        this(null, null, null, null);
    }

    @Override
    public UsageStatistics statistics(Caller.OfTenant caller) {
        TenantId tenant = caller.require(Operation.READ);
        RequestCounter.Requests counted = requests.requests(tenant);
        return new UsageStatistics(tenant, ledger.usage(tenant), counted.today(), counted.thisMonth());
    }

    @Override
    public List<LimitUse> quota(Caller.OfTenant caller) {
        TenantId tenant = caller.require(Operation.READ);
        List<LimitUse> uses = new ArrayList<>(ledger.capacities(tenant));
        uses.add(ledger.backupCapacity(tenant, () -> backups.list(tenant).size()));
        uses.addAll(rateLimiter.standing(tenant));
        return uses;
    }
}
