package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import java.time.Instant;

/** A tenant of the installation: the owner of collections and API keys. */
public record Tenant(TenantId id, String name, TenantStatus status, Instant createdAt) {

    public Tenant {
        InvalidValueException.require(id != null, "tenant id is required");
        InvalidValueException.require(name != null && !name.isBlank() && name.length() <= 200, "tenant name must be 1..200 characters");
        InvalidValueException.require(status != null && createdAt != null, "tenant status and creation time are required");
    }

    public Tenant withStatus(TenantStatus newStatus) {
        return new Tenant(id, name, newStatus, createdAt);
    }
}
