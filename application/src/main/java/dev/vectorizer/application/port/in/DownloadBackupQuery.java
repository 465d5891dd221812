package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.tenant.Caller;
import java.io.InputStream;

/** A ready backup's archive, to be streamed to the caller. */
public interface DownloadBackupQuery {

    Download download(Caller.OfTenant caller, BackupId id);

    /** Opens the archive's bytes from an offset (for ranges); the caller closes the stream. */
    interface Content {
        InputStream open(long offset);
    }

    /** The backup (its size and SHA-256 are the archive's) and its bytes. */
    record Download(Backup backup, Content content) {
    }
}
