package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import java.time.Instant;

/**
 * A tenant of the installation: the owner of collections and API keys, with the client addresses
 * that may use its credentials.
 */
public record Tenant(TenantId id, String name, TenantStatus status, Instant createdAt, IpAccessList accessList) {

    /** The longest tenant name. */
    public static final int MAX_NAME_LENGTH = 200;

    public Tenant {
        InvalidValueException.require(id != null, "tenant id is required");
        InvalidValueException.require(name != null && !name.isBlank() && name.length() <= MAX_NAME_LENGTH,
                "tenant name must be 1.." + MAX_NAME_LENGTH + " characters");
        InvalidValueException.require(status != null && createdAt != null && accessList != null,
                "tenant status, creation time and access list are required");
    }

    /** A tenant whose credentials work from any address. */
    public Tenant(TenantId id, String name, TenantStatus status, Instant createdAt) {
        this(id, name, status, createdAt, IpAccessList.NONE);
    }

    public Tenant withStatus(TenantStatus newStatus) {
        return new Tenant(id, name, newStatus, createdAt, accessList);
    }

    public Tenant withAccessList(IpAccessList newAccessList) {
        return new Tenant(id, name, status, createdAt, newAccessList);
    }
}
