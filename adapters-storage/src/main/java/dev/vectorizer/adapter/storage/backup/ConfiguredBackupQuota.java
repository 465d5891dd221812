package dev.vectorizer.adapter.storage.backup;

import dev.vectorizer.application.port.out.BackupQuotaPort;
import dev.vectorizer.domain.QuotaExceededException;
import dev.vectorizer.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The standalone stand-in for the quota service's backup decisions: backups of one tenant may take
 * at most {@code vectorizer.backup.quota.max-bytes} (0, the default: no limit); restores are not
 * limited here. The quota service (per-tenant storage quotas, HiveHub in hub mode) replaces it.
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
            throw new QuotaExceededException("backup_storage_bytes", maxBytes, backupBytes, bytes);
        }
    }

    @Override
    public void checkRestore(TenantId tenant, int collections, long vectors, long bytes) {
        // collection and vector quotas are the quota service's
    }
}
