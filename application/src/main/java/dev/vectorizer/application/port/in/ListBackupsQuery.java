package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.tenant.Caller;
import java.util.List;

public interface ListBackupsQuery {

    /** The caller's tenant's backups, newest first. */
    List<Backup> list(Caller.OfTenant caller);
}
