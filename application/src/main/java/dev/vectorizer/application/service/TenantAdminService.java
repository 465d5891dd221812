package dev.vectorizer.application.service;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.port.in.AdoptSingleModeDataUseCase;
import dev.vectorizer.application.port.in.ManageApiKeysUseCase;
import dev.vectorizer.application.port.in.ManageTenantsUseCase;
import dev.vectorizer.application.port.in.ReadAuditLogQuery;
import dev.vectorizer.application.port.out.AuditLogPort;
import dev.vectorizer.application.port.out.CollectionCatalogPort;
import dev.vectorizer.application.port.out.TenantDirectoryPort;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionRef;
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
import dev.vectorizer.domain.tenant.ForbiddenException;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Tenants and their keys, managed by the installation administrator only. */
@ApplicationScoped
public class TenantAdminService implements ManageTenantsUseCase, ManageApiKeysUseCase, ReadAuditLogQuery, AdoptSingleModeDataUseCase {

    private final TenantDirectoryPort directory;
    private final CollectionCatalogPort catalog;
    private final VectorIndexPort index;
    private final ServerSettings settings;
    private final AuditLogPort audit;
    private final Clock clock;

    @Inject
    public TenantAdminService(TenantDirectoryPort directory, CollectionCatalogPort catalog, VectorIndexPort index, ServerSettings settings,
            AuditLogPort audit) {
        this(directory, catalog, index, settings, audit, Clock.systemUTC());
    }

    TenantAdminService(TenantDirectoryPort directory, CollectionCatalogPort catalog, VectorIndexPort index, ServerSettings settings,
            AuditLogPort audit, Clock clock) {
        this.directory = directory;
        this.catalog = catalog;
        this.index = index;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected TenantAdminService() {
        this(null, null, null, null, null, null);
    }

    @Override
    public Tenant createTenant(Caller caller, Optional<TenantId> id, String name) {
        requireAdmin(caller);
        Tenant tenant = new Tenant(id.orElseGet(() -> new TenantId(UUID.randomUUID().toString())), name, TenantStatus.ACTIVE, now());
        directory.addTenant(tenant);
        record(caller, tenant.id(), AuditEvent.Action.TENANT_CREATE, tenant.id().value());
        return tenant;
    }

    @Override
    public List<Tenant> listTenants(Caller caller) {
        requireAdmin(caller);
        return directory.listTenants();
    }

    @Override
    public Tenant getTenant(Caller caller, TenantId id) {
        requireAdmin(caller);
        return tenant(id);
    }

    @Override
    public Tenant suspendTenant(Caller caller, TenantId id) {
        Tenant suspended = changeStatus(caller, id, TenantStatus.SUSPENDED);
        record(caller, id, AuditEvent.Action.TENANT_SUSPEND, id.value());
        return suspended;
    }

    @Override
    public Tenant resumeTenant(Caller caller, TenantId id) {
        Tenant resumed = changeStatus(caller, id, TenantStatus.ACTIVE);
        record(caller, id, AuditEvent.Action.TENANT_RESUME, id.value());
        return resumed;
    }

    @Override
    public void deleteTenant(Caller caller, TenantId id) {
        requireAdmin(caller);
        Tenant tenant = tenant(id);
        if (tenant.status() != TenantStatus.DELETING) {
            directory.updateTenant(tenant.withStatus(TenantStatus.DELETING));
        }
        finishDeletion(id);
        record(caller, id, AuditEvent.Action.TENANT_DELETE, id.value());
    }

    /** Removes what is left of a tenant marked DELETING; safe to repeat after an interruption. */
    void finishDeletion(TenantId id) {
        for (Collection collection : catalog.list(id)) {
            catalog.remove(collection);
            index.drop(collection);
        }
        index.dropTenant(id);
        directory.removeTenant(id);
    }

    /** Deletions a crash interrupted, finished when the application starts. */
    void finishInterruptedDeletions() {
        directory.listTenants().stream().filter(t -> t.status() == TenantStatus.DELETING).forEach(t -> finishDeletion(t.id()));
    }

    @Override
    public IssuedKey createKey(Caller caller, TenantId tenant, Set<Permission> permissions, boolean test, Optional<Instant> expiresAt) {
        requireAdmin(caller);
        tenant(tenant);
        InvalidValueException.require(!permissions.isEmpty(), "give at least one permission");
        IssuedKey issued = issue(Optional.of(tenant), permissions, test, expiresAt);
        record(caller, tenant, AuditEvent.Action.KEY_CREATE, issued.key().id().value());
        return issued;
    }

    @Override
    public List<ApiKey> listKeys(Caller caller, TenantId tenant) {
        requireAdmin(caller);
        tenant(tenant);
        Instant now = now();
        return directory.listKeys(Optional.of(tenant)).stream()
                .map(k -> k.withStatus(k.effectiveStatus(now), k.expiresAt())).toList();
    }

    @Override
    public IssuedKey rotateKey(Caller caller, TenantId tenant, ApiKeyId keyId) {
        requireAdmin(caller);
        ApiKey old = key(tenant, keyId);
        Instant now = now();
        InvalidValueException.require(old.worksAt(now), "only a working key can be rotated");
        Instant graceEnd = now.plus(settings.rotationGrace());
        Instant oldExpiry = old.expiresAt().filter(at -> at.isBefore(graceEnd)).orElse(graceEnd);
        directory.updateKey(old.withStatus(ApiKeyStatus.DEPRECATED, Optional.of(oldExpiry)));
        IssuedKey issued = issue(old.tenant(), old.permissions(), old.test(), old.expiresAt().filter(at -> at.isAfter(graceEnd)));
        record(caller, tenant, AuditEvent.Action.KEY_ROTATE, keyId.value() + " -> " + issued.key().id());
        return issued;
    }

    @Override
    public ApiKey revokeKey(Caller caller, TenantId tenant, ApiKeyId keyId) {
        requireAdmin(caller);
        ApiKey revoked = key(tenant, keyId).withStatus(ApiKeyStatus.REVOKED, Optional.empty());
        directory.updateKey(revoked);
        record(caller, tenant, AuditEvent.Action.KEY_REVOKE, keyId.value());
        return revoked;
    }

    /**
     * Per collection: move the files, record the collection under the new owner, drop the old
     * record. Every step is skipped when already done, so an interrupted run can simply be repeated.
     * A name the tenant already uses for another collection stops the whole migration up front.
     */
    @Override
    public List<CollectionName> adoptSingleModeData(Caller caller, TenantId tenant) {
        requireAdmin(caller);
        tenant(tenant);
        InvalidValueException.require(!tenant.equals(TenantId.DEFAULT), "the default tenant cannot adopt its own data");
        List<Collection> moving = catalog.list(TenantId.DEFAULT);
        for (Collection source : moving) {
            catalog.find(new CollectionRef(tenant, source.ref().name()))
                    .filter(existing -> !isMovedCopyOf(existing, source))
                    .ifPresent(existing -> {
                        throw new ConflictException("tenant '" + tenant + "' already has a collection '" + source.ref().name() + "'");
                    });
        }
        for (Collection source : moving) {
            Collection target = source.movedTo(new CollectionRef(tenant, source.ref().name()));
            index.move(source, target);
            if (catalog.find(target.ref()).isEmpty()) {
                catalog.add(target);
            }
            catalog.remove(source);
            record(caller, tenant, AuditEvent.Action.COLLECTION_ADOPT, source.ref().name().value());
        }
        return moving.stream().map(c -> c.ref().name()).toList();
    }

    /** An interrupted run may have recorded the target already: same settings, same creation time. */
    private static boolean isMovedCopyOf(Collection existing, Collection source) {
        return existing.spec().equals(source.spec()) && existing.createdAt().equals(source.createdAt());
    }

    @Override
    public List<AuditEvent> auditLog(Caller caller, Optional<TenantId> tenant, int limit) {
        requireAdmin(caller);
        InvalidValueException.require(limit >= 1 && limit <= MAX_LIMIT, "limit must be between 1 and " + MAX_LIMIT);
        return audit.latest(tenant, limit);
    }

    private IssuedKey issue(Optional<TenantId> tenant, Set<Permission> permissions, boolean test, Optional<Instant> expiresAt) {
        ApiKeySecret secret = ApiKeySecret.generate(test);
        ApiKey key = ApiKey.issue(secret, tenant, permissions, now(), expiresAt);
        directory.addKey(key);
        return new IssuedKey(key, secret.reveal());
    }

    private Tenant changeStatus(Caller caller, TenantId id, TenantStatus status) {
        requireAdmin(caller);
        Tenant tenant = tenant(id);
        InvalidValueException.require(tenant.status() != TenantStatus.DELETING, "the tenant is being deleted");
        Tenant changed = tenant.withStatus(status);
        directory.updateTenant(changed);
        return changed;
    }

    private Tenant tenant(TenantId id) {
        return directory.findTenant(id).orElseThrow(() -> new NotFoundException("tenant '" + id + "' not found"));
    }

    private ApiKey key(TenantId tenant, ApiKeyId id) {
        return directory.findKey(id).filter(k -> k.tenant().equals(Optional.of(tenant)))
                .orElseThrow(() -> new NotFoundException("api key '" + id + "' not found"));
    }

    private void record(Caller caller, TenantId tenant, AuditEvent.Action action, String target) {
        audit.record(new AuditEvent(now(), AuditEvent.actor(caller), Optional.of(tenant), action, target, AuditEvent.Outcome.SUCCESS));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static void requireAdmin(Caller caller) {
        if (!(caller instanceof Caller.InstallationAdmin)) {
            throw new ForbiddenException("only the installation administrator may manage tenants and keys");
        }
    }
}
