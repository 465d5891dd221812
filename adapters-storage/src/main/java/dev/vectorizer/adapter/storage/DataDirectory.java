package dev.vectorizer.adapter.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The root of everything this installation keeps on disk ({@code vectorizer.data-dir}): the
 * metadata database under {@code metadata/} and, per tenant, the collection indexes.
 */
public record DataDirectory(Path root) {

    public DataDirectory {
        root = root.toAbsolutePath().normalize();
    }

    /** Creates the directory tree if missing; fails if it cannot be created. */
    public DataDirectory ensureExists() {
        try {
            Files.createDirectories(root);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + root, e);
        }
    }

    public Path metadataDatabase() {
        return root.resolve("metadata").resolve("vectorizer");
    }

    /** The file H2 keeps {@link #metadataDatabase} in. */
    public Path metadataFile() {
        return root.resolve("metadata").resolve("vectorizer.mv.db");
    }

    /** True if a file can be created, written, synced and deleted in the data directory right now. */
    public boolean isWritable() {
        try {
            Path probe = Files.createTempFile(root, ".probe-", ".tmp");
            try {
                Files.writeString(probe, "ok");
                return true;
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
