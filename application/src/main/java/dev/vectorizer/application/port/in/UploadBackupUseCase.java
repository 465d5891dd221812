package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.tenant.Caller;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Takes a backup archive (one this or another installation wrote) into the caller's backups, after
 * verifying all of it; a refused archive leaves nothing behind.
 */
public interface UploadBackupUseCase {

    Backup upload(Caller.OfTenant caller, Upload upload);

    /**
     * An uploaded archive: its bytes (read once, to the end), the length the request declared if it
     * did, the SHA-256 the uploader says the archive has if it does, and a name (else the manifest's
     * creation time names it).
     */
    record Upload(InputStream archive, OptionalLong declaredLength, Optional<String> sha256, Optional<String> name) {
    }
}
