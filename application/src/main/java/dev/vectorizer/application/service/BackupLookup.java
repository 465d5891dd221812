package dev.vectorizer.application.service;

import dev.vectorizer.application.port.out.BackupCatalogPort;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.backup.BackupNotFound;

/** Resolves a tenant's backup by id; another tenant's backup is not found, exactly like a missing one. */
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

    /** The bytes the tenant's backups take. */
    static long bytesOf(BackupCatalogPort catalog, TenantId tenant) {
        return catalog.list(tenant).stream().mapToLong(Backup::sizeBytes).sum();
    }
}
