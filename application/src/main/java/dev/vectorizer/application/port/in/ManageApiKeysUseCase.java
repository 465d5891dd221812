package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.ApiKey;
import dev.vectorizer.domain.tenant.ApiKeyId;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Permission;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The installation administrator's management of a tenant's API keys. */
public interface ManageApiKeysUseCase {

    /** A key as issued: the stored record and, this once, its secret text. */
    record IssuedKey(ApiKey key, String secret) {
    }

    IssuedKey createKey(Caller.InstallationAdmin admin, TenantId tenant, Set<Permission> permissions, boolean test, Optional<Instant> expiresAt);

    /** The tenant's keys, without secrets. */
    List<ApiKey> listKeys(Caller.InstallationAdmin admin, TenantId tenant);

    /**
     * Issues a replacement with the same permissions; the old key keeps working, DEPRECATED, until
     * the rotation grace period ends. Only an ACTIVE key can be rotated (a conflict otherwise).
     */
    IssuedKey rotateKey(Caller.InstallationAdmin admin, TenantId tenant, ApiKeyId key);

    /** Stops the key at once. */
    ApiKey revokeKey(Caller.InstallationAdmin admin, TenantId tenant, ApiKeyId key);
}
