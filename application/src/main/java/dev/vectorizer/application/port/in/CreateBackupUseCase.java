package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.tenant.Caller;
import java.util.List;
import java.util.Optional;

/** Starts a backup of the caller's collections (all, or the named ones); it runs in the background. */
public interface CreateBackupUseCase {

    /** The backup, {@code running}; follow it with {@link GetBackupQuery}. */
    Backup create(Caller.OfTenant caller, String name, Optional<List<CollectionName>> collections);
}
