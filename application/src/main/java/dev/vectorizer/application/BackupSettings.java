package dev.vectorizer.application;

import dev.vectorizer.domain.InvalidValueException;
import java.time.Duration;
import java.util.Optional;

/**
 * How backups are kept and what an upload may be. Built by the composition root from configuration.
 *
 * @param maxPerTenant the most backups a tenant keeps; the oldest beyond are deleted
 * @param maxAge backups older than this are deleted, if set
 * @param maxUploadBytes the largest archive an upload may send
 * @param maxUnpackedBytes the most bytes an archive may unpack to (against gzip bombs)
 */
public record BackupSettings(int maxPerTenant, Optional<Duration> maxAge, long maxUploadBytes, long maxUnpackedBytes) {

    public static final int DEFAULT_MAX_PER_TENANT = 10;

    public BackupSettings {
        InvalidValueException.require(maxPerTenant >= 1, "backups per tenant must be at least 1");
        InvalidValueException.require(maxAge != null && maxAge.map(Duration::isPositive).orElse(true), "backup max age must be positive");
        InvalidValueException.require(maxUploadBytes > 0 && maxUnpackedBytes > 0, "backup size limits must be positive");
    }

    /** 10 backups per tenant, no age limit, uploads up to 16 GiB unpacking to at most 64 GiB. */
    public static BackupSettings defaults() {
        return new BackupSettings(DEFAULT_MAX_PER_TENANT, Optional.empty(), 16L << 30, 64L << 30);
    }
}
