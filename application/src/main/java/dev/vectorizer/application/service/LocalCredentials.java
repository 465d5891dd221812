package dev.vectorizer.application.service;

import dev.vectorizer.application.port.out.TenantDirectoryPort;
import dev.vectorizer.application.port.out.TokenVerifierPort;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.ApiKey;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Principal;
import dev.vectorizer.domain.tenant.TokenClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The credentials of standalone mode: an API key, found by its public id and verified against
 * the stored hash (an unknown id against a dummy hash, so unknown and wrong keys take the same
 * time), or a JWT verified by {@link TokenVerifierPort} and no longer-lived than the cap, acting
 * for the tenant of its tenant claim with the permissions its groups name. Whether the tenant may
 * act is the authenticator's to decide.
 */
final class LocalCredentials {

    /** Compared against when the key id is unknown, so unknown and wrong keys take the same time. */
    private static final String NO_SUCH_KEY_HASH = "0".repeat(64);

    private final TenantDirectoryPort directory;
    private final TokenVerifierPort tokens;
    private final Duration tokenMaxLifetime;

    LocalCredentials(TenantDirectoryPort directory, TokenVerifierPort tokens, Duration tokenMaxLifetime) {
        this.directory = directory;
        this.tokens = tokens;
        this.tokenMaxLifetime = tokenMaxLifetime;
    }

    Optional<Caller> apiKey(ApiKeySecret secret, Instant now) {
        Optional<ApiKey> stored = directory.findKey(secret.id());
        boolean hashMatches = secret.matches(stored.map(ApiKey::hash).orElse(NO_SUCH_KEY_HASH));
        return stored.filter(k -> hashMatches && k.worksAt(now)).map(key -> key.isInstallationAdmin()
                ? new Caller.InstallationAdmin(key.id())
                : new Caller.OfTenant(key.tenant().orElseThrow(), new Principal.KeyHolder(key.id()), key.permissions(), key.test()));
    }

    Optional<Caller> token(String presented, Instant now) {
        return tokens.verify(presented).filter(claims -> claims.lifetime(now).compareTo(tokenMaxLifetime) <= 0)
                .flatMap(claims -> claims.tenant().filter(TenantId::isValid).map(TenantId::new)
                        .map(tenant -> new Caller.OfTenant(tenant, new Principal.TokenSubject(claims.subject()), permissions(claims), false)));
    }

    private static Set<Permission> permissions(TokenClaims claims) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (claims.groups().contains(p.name())) {
                permissions.add(p);
            }
        }
        return permissions;
    }
}
