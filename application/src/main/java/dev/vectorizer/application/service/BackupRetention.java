package dev.vectorizer.application.service;

import dev.vectorizer.application.BackupSettings;
import dev.vectorizer.application.port.out.BackupCatalogPort;
import dev.vectorizer.application.port.out.BackupStorePort;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Keeps a tenant's backups within {@link BackupSettings#maxPerTenant} and {@link BackupSettings#maxAge}:
 * the oldest go first; a running backup is never deleted (it counts, though).
 */
final class BackupRetention {

    private final BackupCatalogPort catalog;
    private final BackupStorePort store;
    private final BackupSettings settings;
    private final Clock clock;

    BackupRetention(BackupCatalogPort catalog, BackupStorePort store, BackupSettings settings, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    void prune(TenantId tenant) {
        List<Backup> oldestFirst = catalog.list(tenant);
        int excess = oldestFirst.size() - settings.maxPerTenant();
        Instant now = clock.instant();
        for (Backup backup : oldestFirst) {
            if (backup.status() == BackupStatus.RUNNING) {
                continue;
            }
            boolean expired = settings.maxAge().map(age -> backup.createdAt().plus(age).isBefore(now)).orElse(false);
            if (excess > 0 || expired) {
                delete(catalog, store, backup);
                excess--;
            }
        }
    }

    /** The record first, so the backup is gone at once, then its archive. */
    static void delete(BackupCatalogPort catalog, BackupStorePort store, Backup backup) {
        catalog.remove(backup.id());
        store.delete(backup.owner(), backup.id());
    }
}
