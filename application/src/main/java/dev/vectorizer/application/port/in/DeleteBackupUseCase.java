package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.tenant.Caller;

public interface DeleteBackupUseCase {

    /** Deletes the backup and its archive; a running one cannot be deleted yet (conflict). */
    void delete(Caller.OfTenant caller, BackupId id);
}
