package dev.vectorizer.domain.backup;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a backup archive holds, written as its first entry ({@link ArchivePath#MANIFEST}): the format
 * version, the tenant it was taken from (for information only: a restore always goes into the
 * restoring tenant), when, and per collection its settings, vector count and files with their sizes
 * and SHA-256. Only {@link #FORMAT_VERSION} can be built, so an archive of an unknown format is
 * refused as it is read.
 */
public record BackupManifest(int formatVersion, TenantId tenant, Instant createdAt, List<Entry> collections) {

    /** The archive format this server writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** One collection of the backup. */
    public record Entry(CollectionName name, CollectionSpec spec, Instant createdAt, long vectorCount, List<ArchiveFile> files) {

        public Entry {
            InvalidValueException.require(name != null && spec != null && createdAt != null && files != null, "manifest collection fields are required");
            InvalidValueException.require(vectorCount >= 0, "vector_count cannot be negative");
            files = List.copyOf(files);
            for (ArchiveFile file : files) {
                InvalidValueException.require(file.path().collection().equals(name),
                        "file '" + file.path() + "' is listed under collection '" + name + "'");
            }
        }

        public long bytes() {
            return files.stream().mapToLong(ArchiveFile::size).sum();
        }

        public Optional<ArchiveFile> file(ArchivePath path) {
            return files.stream().filter(f -> f.path().equals(path)).findFirst();
        }
    }

    public BackupManifest {
        InvalidValueException.require(formatVersion == FORMAT_VERSION,
                "unknown backup format_version " + formatVersion + " (this server reads " + FORMAT_VERSION + ")");
        InvalidValueException.require(tenant != null && createdAt != null && collections != null, "manifest fields are required");
        collections = List.copyOf(collections);
        Set<CollectionName> names = new HashSet<>();
        Set<ArchivePath> paths = new HashSet<>();
        for (Entry entry : collections) {
            InvalidValueException.require(names.add(entry.name()), "collection '" + entry.name() + "' is listed twice");
            entry.files().forEach(f -> InvalidValueException.require(paths.add(f.path()), "file '" + f.path() + "' is listed twice"));
        }
    }

    public Optional<Entry> collection(CollectionName name) {
        return collections.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public long vectorCount() {
        return collections.stream().mapToLong(Entry::vectorCount).sum();
    }

    /** The bytes of every file, unpacked. */
    public long bytes() {
        return collections.stream().mapToLong(Entry::bytes).sum();
    }

    public List<CollectionName> names() {
        return collections.stream().map(Entry::name).toList();
    }
}
