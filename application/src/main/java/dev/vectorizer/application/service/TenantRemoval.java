package dev.vectorizer.application.service;

import dev.vectorizer.application.port.out.BackupCatalogPort;
import dev.vectorizer.application.port.out.BackupStorePort;
import dev.vectorizer.application.port.out.CollectionCatalogPort;
import dev.vectorizer.application.port.out.KeyValidationPort;
import dev.vectorizer.application.port.out.TenantDirectoryPort;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.application.usage.QuotaLedger;
import dev.vectorizer.application.usage.UsageReporting;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Removes what a tenant marked DELETING holds, wherever it is held: its collections and their
 * indexes, its backups and archives, HiveHub's verdicts on its keys, its usage and quota accounts,
 * and last its record; and, when the application starts, finishes the removals a crash interrupted.
 * The tenants' lifecycle ({@link TenantService}) decides when; this knows what.
 */
@ApplicationScoped
public class TenantRemoval {

    private final TenantDirectoryPort directory;
    private final CollectionCatalogPort catalog;
    private final VectorIndexPort index;
    private final KeyValidationPort hubKeys;
    private final QuotaLedger ledger;
    private final UsageReporting usage;
    private final BackupCatalogPort backups;
    private final BackupStorePort archives;

    @Inject
    public TenantRemoval(TenantDirectoryPort directory, CollectionCatalogPort catalog, VectorIndexPort index, KeyValidationPort hubKeys,
            QuotaLedger ledger, UsageReporting usage, BackupCatalogPort backups, BackupStorePort archives) {
        this.directory = directory;
        this.catalog = catalog;
        this.index = index;
        this.hubKeys = hubKeys;
        this.ledger = ledger;
        this.usage = usage;
        this.backups = backups;
        this.archives = archives;
    }

    /** For the CDI client proxy only. */
    protected TenantRemoval() {
        this(null, null, null, null, null, null, null, null);
    }

    /** Removals a crash interrupted, finished when the application starts. */
    void finishInterrupted(@Observes @Initialized(ApplicationScoped.class) Object started) {
        directory.tenantsIn(TenantStatus.DELETING).forEach(this::finish);
    }

    /**
     * Seals the tenant's final usage report (once: resuming seals nothing new), then removes what is
     * left of {@code tenant}, marked DELETING: collections, backups, keys, the record; safe to repeat
     * after an interruption. Every way of deleting a tenant ends here.
     */
    public void finish(Tenant tenant) {
        TenantId id = tenant.id();
        usage.finalReport(tenant);
        for (Collection collection : catalog.list(id)) {
            catalog.remove(collection);
            index.drop(collection);
        }
        backups.list(id).forEach(backup -> backups.remove(backup.id()));
        archives.deleteTenant(id);
        index.dropTenant(id);
        hubKeys.forgetTenant(id);
        directory.removeTenant(id);
        ledger.forget(id);
    }

    /** A tenant removed already (HiveHub retried its deletion): nothing is left but what HiveHub said of its keys. */
    public void finishRemoved(TenantId id) {
        hubKeys.forgetTenant(id);
    }
}
