package dev.vectorizer.domain.hub;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Principal;
import dev.vectorizer.domain.tenant.RateLimits;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A key HiveHub vouched for: the tenant it acts for (HiveHub's id and name), HiveHub's id of the
 * key, what it may do, its own rate limits, whether it is a test key, and until when it works.
 */
public record HubKey(String keyId, TenantId tenant, String tenantName, Set<Permission> permissions, RateLimits rateLimits,
        boolean test, Optional<Instant> expiresAt) {

    public HubKey {
        InvalidValueException.require(keyId != null && tenant != null && tenantName != null && permissions != null && rateLimits != null
                && expiresAt != null, "every field of a HiveHub key is required");
        InvalidValueException.require(Principal.HubKeyHolder.isValidId(keyId), "a HiveHub key id is 1-64 visible ASCII characters");
        permissions = Set.copyOf(permissions);
    }

    /** True if the key has not expired at {@code now}. */
    public boolean worksAt(Instant now) {
        return expiresAt.map(now::isBefore).orElse(true);
    }
}
