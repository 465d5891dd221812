package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.quota.Quota;
import java.time.Instant;

/**
 * A tenant of the installation: the owner of collections and API keys, with its plan's limits
 * ({@link Quota#NONE} when its plan sets none, so the installation's defaults apply).
 */
public record Tenant(TenantId id, String name, TenantStatus status, Instant createdAt, Quota quota) {

    public Tenant {
        InvalidValueException.require(id != null, "tenant id is required");
        InvalidValueException.require(name != null && !name.isBlank() && name.length() <= 200, "tenant name must be 1..200 characters");
        InvalidValueException.require(status != null && createdAt != null, "tenant status and creation time are required");
        InvalidValueException.require(quota != null, "tenant quota is required");
    }

    /** A tenant whose plan sets no limits. */
    public Tenant(TenantId id, String name, TenantStatus status, Instant createdAt) {
        this(id, name, status, createdAt, Quota.NONE);
    }

    public Tenant withStatus(TenantStatus newStatus) {
        return new Tenant(id, name, newStatus, createdAt, quota);
    }

    public Tenant withQuota(Quota newQuota) {
        return new Tenant(id, name, status, createdAt, newQuota);
    }
}
