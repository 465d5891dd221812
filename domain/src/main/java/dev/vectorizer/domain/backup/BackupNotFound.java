package dev.vectorizer.domain.backup;

import dev.vectorizer.domain.NotFoundException;

/** The one answer for a backup that does not exist for the caller, whether absent or another tenant's. */
public final class BackupNotFound {

    private BackupNotFound() {
    }

    public static NotFoundException of(Object id) {
        return new NotFoundException("backup '" + id + "' not found");
    }
}
