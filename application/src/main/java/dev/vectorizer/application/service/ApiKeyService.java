package dev.vectorizer.application.service;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.port.in.ManageApiKeysUseCase;
import dev.vectorizer.application.port.out.AuditLogPort;
import dev.vectorizer.application.port.out.TenantDirectoryPort;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.ApiKey;
import dev.vectorizer.domain.tenant.ApiKeyId;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import dev.vectorizer.domain.tenant.ApiKeyStatus;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** A tenant's API keys: issued (the secret shown once), listed, rotated with a grace period, revoked. */
@ApplicationScoped
public class ApiKeyService implements ManageApiKeysUseCase {

    private final TenantDirectoryPort directory;
    private final ServerSettings settings;
    private final AuditLogPort audit;
    private final Clock clock;

    @Inject
    public ApiKeyService(TenantDirectoryPort directory, ServerSettings settings, AuditLogPort audit) {
        this(directory, settings, audit, Clock.systemUTC());
    }

    ApiKeyService(TenantDirectoryPort directory, ServerSettings settings, AuditLogPort audit, Clock clock) {
        this.directory = directory;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected ApiKeyService() {
        this(null, null, null, null);
    }

    @Override
    public IssuedKey createKey(Caller.InstallationAdmin admin, TenantId tenant, Set<Permission> permissions, boolean test,
            Optional<Instant> expiresAt) {
        TenantLookup.require(directory, tenant);
        InvalidValueException.require(!permissions.isEmpty(), "give at least one permission");
        return issue(tenant, permissions, test, expiresAt, key -> AuditEvent.success(now(), admin, tenant, AuditEvent.Action.KEY_CREATE,
                key.id().value()));
    }

    @Override
    public List<ApiKey> listKeys(Caller.InstallationAdmin admin, TenantId tenant) {
        TenantLookup.require(directory, tenant);
        Instant now = now();
        return directory.listKeys(Optional.of(tenant)).stream()
                .map(k -> k.withStatus(k.effectiveStatus(now), k.expiresAt())).toList();
    }

    @Override
    public IssuedKey rotateKey(Caller.InstallationAdmin admin, TenantId tenant, ApiKeyId keyId) {
        ApiKey old = key(tenant, keyId);
        Instant now = now();
        if (!old.isRotatable(now)) {
            throw new ConflictException("only an ACTIVE key can be rotated; key '" + keyId + "' is " + old.effectiveStatus(now));
        }
        Instant graceEnd = now.plus(settings.rotationGrace());
        Instant oldExpiry = old.expiresAt().filter(at -> at.isBefore(graceEnd)).orElse(graceEnd);
        directory.updateKey(old.withStatus(ApiKeyStatus.DEPRECATED, Optional.of(oldExpiry)));
        return issue(tenant, old.permissions(), old.test(), old.expiresAt().filter(at -> at.isAfter(graceEnd)),
                key -> AuditEvent.success(now, admin, tenant, AuditEvent.Action.KEY_ROTATE, keyId.value() + " -> " + key.id()));
    }

    @Override
    public ApiKey revokeKey(Caller.InstallationAdmin admin, TenantId tenant, ApiKeyId keyId) {
        ApiKey revoked = key(tenant, keyId).withStatus(ApiKeyStatus.REVOKED, Optional.empty());
        directory.updateKey(revoked);
        audit.record(AuditEvent.success(now(), admin, tenant, AuditEvent.Action.KEY_REVOKE, keyId.value()));
        return revoked;
    }

    /** A new key, recorded with the audit event {@code audited} gives for it (in one write). */
    private IssuedKey issue(TenantId tenant, Set<Permission> permissions, boolean test, Optional<Instant> expiresAt,
            Function<ApiKey, AuditEvent> audited) {
        ApiKeySecret secret = ApiKeySecret.generate(test);
        ApiKey key = ApiKey.issue(secret, Optional.of(tenant), permissions, now(), expiresAt);
        directory.addKey(key, audited.apply(key));
        return new IssuedKey(key, secret.reveal());
    }

    /** The tenant's key; another tenant's key (or the administrator's) is as unknown as a missing one. */
    private ApiKey key(TenantId tenant, ApiKeyId id) {
        return directory.findKey(id).filter(k -> k.tenant().equals(Optional.of(tenant)))
                .orElseThrow(() -> new NotFoundException("api key '" + id + "' not found"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
