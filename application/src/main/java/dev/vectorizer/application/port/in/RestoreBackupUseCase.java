package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.backup.RestoreRequest;
import dev.vectorizer.domain.backup.RestoredCollection;
import dev.vectorizer.domain.tenant.Caller;
import java.util.List;

/** Restores collections of one of the caller's backups into the caller's tenant, never another. */
public interface RestoreBackupUseCase {

    /** Returns once the collections are restored and searchable. */
    List<RestoredCollection> restore(Caller.OfTenant caller, RestoreRequest request);
}
