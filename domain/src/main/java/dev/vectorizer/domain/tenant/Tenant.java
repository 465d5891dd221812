package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.quota.Quota;
import java.time.Instant;

/**
 * A tenant of the installation: the owner of collections and API keys, with its plan's limits
 * ({@link Quota#NONE} when its plan sets none, so the installation's defaults apply) and the client
 * addresses that may use its credentials.
 */
public record Tenant(TenantId id, String name, TenantStatus status, Instant createdAt, Quota quota, IpAccessList accessList) {

    /** The longest tenant name. */
    public static final int MAX_NAME_LENGTH = 200;

    public Tenant {
        InvalidValueException.require(id != null, "tenant id is required");
        InvalidValueException.require(name != null && !name.isBlank() && name.length() <= MAX_NAME_LENGTH,
                "tenant name must be 1.." + MAX_NAME_LENGTH + " characters");
        InvalidValueException.require(status != null && createdAt != null && quota != null && accessList != null,
                "tenant status, creation time, quota and access list are required");
    }

    /** A tenant whose plan sets no limits and whose credentials work from any address. */
    public Tenant(TenantId id, String name, TenantStatus status, Instant createdAt) {
        this(id, name, status, createdAt, Quota.NONE, IpAccessList.NONE);
    }

    public Tenant withStatus(TenantStatus newStatus) {
        return new Tenant(id, name, newStatus, createdAt, quota, accessList);
    }

    public Tenant withQuota(Quota newQuota) {
        return new Tenant(id, name, status, createdAt, newQuota, accessList);
    }

    public Tenant withAccessList(IpAccessList newAccessList) {
        return new Tenant(id, name, status, createdAt, quota, newAccessList);
    }
}
