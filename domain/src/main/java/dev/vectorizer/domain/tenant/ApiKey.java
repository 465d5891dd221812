package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * An API key as stored: never the key itself, only its hash. A key belongs to one tenant, or,
 * for the installation's administrator, to none.
 */
public record ApiKey(ApiKeyId id, Optional<TenantId> tenant, String hash, Set<Permission> permissions, ApiKeyStatus status,
        boolean test, Instant createdAt, Optional<Instant> expiresAt) {

    /** The latest expiry a key may be given: the end of year 9999, which every store and ISO-8601's four-digit years can hold. */
    public static final Instant LATEST_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

    public ApiKey {
        InvalidValueException.require(id != null && tenant != null && hash != null && status != null && createdAt != null && expiresAt != null,
                "api key fields are required");
        InvalidValueException.require(!permissions.isEmpty(), "an api key needs at least one permission");
        permissions = Set.copyOf(EnumSet.copyOf(permissions));
    }

    /** A new key for {@code secret}, of which only the hash is kept. */
    public static ApiKey issue(ApiKeySecret secret, Optional<TenantId> tenant, Set<Permission> permissions, Instant now,
            Optional<Instant> expiresAt) {
        expiresAt.ifPresent(at -> InvalidValueException.require(at.isAfter(now) && !at.isAfter(LATEST_EXPIRY),
                "expires_at must be in the future and no later than " + LATEST_EXPIRY));
        return new ApiKey(secret.id(), tenant, secret.hash(), permissions, ApiKeyStatus.ACTIVE, secret.isTest(), now, expiresAt);
    }

    public boolean isInstallationAdmin() {
        return tenant.isEmpty();
    }

    /** True if the key may authenticate at {@code now}. */
    public boolean worksAt(Instant now) {
        boolean live = status == ApiKeyStatus.ACTIVE || status == ApiKeyStatus.ROTATING || status == ApiKeyStatus.DEPRECATED;
        return live && expiresAt.map(now::isBefore).orElse(true);
    }

    /** Only an ACTIVE key that still works is rotated: a DEPRECATED one already has its replacement. */
    public boolean isRotatable(Instant now) {
        return status == ApiKeyStatus.ACTIVE && worksAt(now);
    }

    /** The status as callers should see it: a live key past its expiry is EXPIRED. */
    public ApiKeyStatus effectiveStatus(Instant now) {
        boolean live = status == ApiKeyStatus.ACTIVE || status == ApiKeyStatus.ROTATING || status == ApiKeyStatus.DEPRECATED;
        return live && !worksAt(now) ? ApiKeyStatus.EXPIRED : status;
    }

    public ApiKey withStatus(ApiKeyStatus newStatus, Optional<Instant> newExpiry) {
        return new ApiKey(id, tenant, hash, permissions, newStatus, test, createdAt, newExpiry);
    }
}
