package dev.vectorizer.domain.backup;

import dev.vectorizer.domain.InvalidValueException;
import java.util.regex.Pattern;

/** One file of a backup archive as its manifest lists it: where, how many bytes, and their SHA-256. */
public record ArchiveFile(ArchivePath path, long size, String sha256) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public ArchiveFile {
        InvalidValueException.require(path != null, "file path is required");
        InvalidValueException.require(size >= 0, "file size cannot be negative");
        InvalidValueException.require(sha256 != null && SHA256.matcher(sha256).matches(), "file sha256 must be 64 lower-case hex digits");
    }
}
