package dev.vectorizer.domain.backup;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tenant's backup as the catalog records it. Only a {@link BackupStatus#READY} backup has an
 * archive: its size and SHA-256 are those of the stored archive file, {@code vectorCount} what its
 * collections held at the backup's point in time.
 *
 * @param progress how much of the work is done, 0 to 1 (1 once ready)
 */
public record Backup(BackupId id, TenantId owner, String name, BackupStatus status, double progress, List<CollectionName> collections,
        long vectorCount, long sizeBytes, Optional<String> sha256, int formatVersion, Instant createdAt) {

    public static final int MAX_NAME_LENGTH = 128;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public Backup {
        InvalidValueException.require(id != null && owner != null && status != null && collections != null && sha256 != null
                && createdAt != null, "backup fields are required");
        InvalidValueException.require(name != null && !name.isBlank() && name.length() <= MAX_NAME_LENGTH
                && name.chars().noneMatch(Character::isISOControl), "backup name must be 1.." + MAX_NAME_LENGTH + " characters without control characters");
        InvalidValueException.require(progress >= 0 && progress <= 1, "progress is between 0 and 1");
        InvalidValueException.require(vectorCount >= 0 && sizeBytes >= 0, "backup counts cannot be negative");
        sha256.ifPresent(hash -> InvalidValueException.require(SHA256.matcher(hash).matches(), "sha256 must be 64 lower-case hex digits"));
        InvalidValueException.require(status != BackupStatus.READY || sha256.isPresent(), "a ready backup has its archive's sha256");
        collections = List.copyOf(collections);
    }

    /** A backup that has just been started. */
    public static Backup started(BackupId id, TenantId owner, String name, List<CollectionName> collections, Instant createdAt) {
        return new Backup(id, owner, name, BackupStatus.RUNNING, 0, collections, 0, 0, Optional.empty(), BackupManifest.FORMAT_VERSION, createdAt);
    }

    public Backup withProgress(double done) {
        return new Backup(id, owner, name, status, Math.min(1, Math.max(0, done)), collections, vectorCount, sizeBytes, sha256, formatVersion, createdAt);
    }

    /** This backup complete: its archive holds {@code vectorCount} vectors in {@code sizeBytes} bytes with this SHA-256. */
    public Backup ready(long vectors, long size, String archiveSha256) {
        return new Backup(id, owner, name, BackupStatus.READY, 1, collections, vectors, size, Optional.of(archiveSha256), formatVersion, createdAt);
    }

    public Backup failed() {
        return new Backup(id, owner, name, BackupStatus.FAILED, progress, collections, vectorCount, 0, Optional.empty(), formatVersion, createdAt);
    }

    public boolean isReady() {
        return status == BackupStatus.READY;
    }
}
