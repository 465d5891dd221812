package dev.vectorizer.domain.backup;

import java.util.Locale;

/** Where a backup is in its life: being written, complete and verified, or given up. */
public enum BackupStatus {
    RUNNING, READY, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
