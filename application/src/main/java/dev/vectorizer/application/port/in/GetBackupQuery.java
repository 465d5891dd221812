package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.tenant.Caller;

public interface GetBackupQuery {

    /** The backup, if it is the caller's tenant's; another tenant's is not found. */
    Backup get(Caller.OfTenant caller, BackupId id);
}
