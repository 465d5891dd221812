package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.TenantId;

/**
 * The quota decisions backups need; each refuses with
 * {@link dev.vectorizer.domain.quota.QuotaExceededException}. Backups count against the tenant's storage
 * quota: the quota service is to add the bytes of a tenant's backups to its stored bytes.
 */
public interface BackupQuotaPort {

    /** Before a backup is made or uploaded: may {@code tenant}, whose backups take {@code backupBytes}, store {@code bytes} more? */
    void checkBackup(TenantId tenant, long backupBytes, long bytes);

    /** Before a restore: may {@code tenant} get {@code collections} new collections and {@code vectors} vectors in {@code bytes}? */
    void checkRestore(TenantId tenant, int collections, long vectors, long bytes);
}
