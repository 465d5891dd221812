package dev.vectorizer.adapter.storage.backup;

import dev.vectorizer.application.port.out.BackupQuotaPort;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.QuotaExceededException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The installation's limit on backups: those of one tenant may take at most
 * {@code vectorizer.backup.quota.max-bytes} (0, the default: no limit), refused as
 * {@code max_storage_bytes}; restores are not limited here. Tenant plans ({@code max_backups}, the
 * collection, vector and storage quotas on a restore) are not applied to backups yet.
 */
@ApplicationScoped
public class ConfiguredBackupQuota implements BackupQuotaPort {

    private long maxBytes;

    @Inject
    public ConfiguredBackupQuota(@ConfigProperty(name = "vectorizer.backup.quota.max-bytes") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** For the CDI client proxy only. */
    protected ConfiguredBackupQuota() {
    }

    @Override
    public void checkBackup(TenantId tenant, long backupBytes, long bytes) {
        if (maxBytes > 0 && backupBytes + bytes > maxBytes) {
            throw new QuotaExceededException(Limit.MAX_STORAGE_BYTES, maxBytes, backupBytes, bytes);
        }
    }

    @Override
    public void checkRestore(TenantId tenant, int collections, long vectors, long bytes) {
        // collection and vector quotas are the quota service's
    }
}
