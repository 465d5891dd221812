package dev.vectorizer.application.service;

import dev.vectorizer.application.port.out.BackupCatalogPort;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.backup.BackupNotFound;

/** Resolves a tenant's backup by id (another tenant's backup is not found, exactly like a missing one), and adds new ones within quota. */
final class BackupLookup {

    private BackupLookup() {
    }

    static Backup require(BackupCatalogPort catalog, TenantId tenant, BackupId id) {
        return catalog.find(id).filter(b -> b.owner().equals(tenant)).orElseThrow(() -> BackupNotFound.of(id));
    }

    /** The tenant's backup, which must be ready (have its archive). */
    static Backup requireReady(BackupCatalogPort catalog, TenantId tenant, BackupId id) {
        Backup backup = require(catalog, tenant, id);
        if (!backup.isReady()) {
            throw new ConflictException("backup '" + id + "' is " + backup.status().wireName() + ", not ready");
        }
        return backup;
    }

    /**
     * Adds a new backup of about {@code bytes} to the catalog within its owner's {@code max_backups}
     * ({@link dev.vectorizer.application.usage.QuotaLedger#addBackup}); retention runs first, so
     * expired backups make room.
     */
    static void addWithinQuota(BackupPorts ports, BackupRetention retention, Backup backup, long bytes) {
        TenantId tenant = backup.owner();
        retention.prune(tenant);
        ports.quota.addBackup(tenant, bytes, () -> ports.catalog.list(tenant).size(), () -> ports.catalog.add(backup));
    }
}
