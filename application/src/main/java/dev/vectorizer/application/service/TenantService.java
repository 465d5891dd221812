package dev.vectorizer.application.service;

import dev.vectorizer.application.port.in.ManageTenantsUseCase;
import dev.vectorizer.application.port.out.AuditLogPort;
import dev.vectorizer.application.port.out.CollectionCatalogPort;
import dev.vectorizer.application.port.out.KeyValidationPort;
import dev.vectorizer.application.port.out.TenantDirectoryPort;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.IpAccessList;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenants' lifecycle: create, suspend, resume, delete (finishing, at start, a deletion a crash
 * interrupted), and their IP access lists.
 */
@ApplicationScoped
public class TenantService implements ManageTenantsUseCase {

    private final TenantDirectoryPort directory;
    private final CollectionCatalogPort catalog;
    private final VectorIndexPort index;
    private final AuditLogPort audit;
    private final KeyValidationPort hubKeys;
    private final TenantsOnFirstUse hubTenants;
    private final Clock clock;

    @Inject
    public TenantService(TenantDirectoryPort directory, CollectionCatalogPort catalog, VectorIndexPort index, AuditLogPort audit,
            KeyValidationPort hubKeys) {
        this(directory, catalog, index, audit, hubKeys, Clock.systemUTC());
    }

    TenantService(TenantDirectoryPort directory, CollectionCatalogPort catalog, VectorIndexPort index, AuditLogPort audit,
            KeyValidationPort hubKeys, Clock clock) {
        this.directory = directory;
        this.catalog = catalog;
        this.index = index;
        this.audit = audit;
        this.hubKeys = hubKeys;
        this.hubTenants = new TenantsOnFirstUse(directory, audit, clock);
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected TenantService() {
        this(null, null, null, null, null, null);
    }

    @Override
    public Tenant createTenant(Caller.InstallationAdmin admin, Optional<TenantId> id, String name) {
        id.ifPresent(given -> InvalidValueException.require(!given.isReserved(), "tenant id '" + given + "' is reserved"));
        Tenant tenant = new Tenant(id.orElseGet(() -> new TenantId(UUID.randomUUID().toString())), name, TenantStatus.ACTIVE, now());
        directory.addTenant(tenant);
        audit.record(AuditEvent.success(now(), admin, tenant.id(), AuditEvent.Action.TENANT_CREATE, tenant.id().value()));
        return tenant;
    }

    @Override
    public List<Tenant> listTenants(Caller.InstallationAdmin admin) {
        return directory.listTenants();
    }

    @Override
    public Tenant getTenant(Caller.InstallationAdmin admin, TenantId id) {
        return TenantLookup.require(directory, id);
    }

    @Override
    public Tenant suspendTenant(Caller.InstallationAdmin admin, TenantId id) {
        return changeStatus(admin, id, TenantStatus.SUSPENDED, AuditEvent.Action.TENANT_SUSPEND);
    }

    @Override
    public Tenant resumeTenant(Caller.InstallationAdmin admin, TenantId id) {
        return changeStatus(admin, id, TenantStatus.ACTIVE, AuditEvent.Action.TENANT_RESUME);
    }

    @Override
    public void deleteTenant(Caller.ControlPlane by, TenantId id) {
        Optional<Tenant> tenant = by instanceof Caller.HiveHub ? directory.findTenant(id) : Optional.of(TenantLookup.require(directory, id));
        if (tenant.isEmpty()) {
            hubKeys.forgetTenant(id); // deleted already: HiveHub retried
            return;
        }
        if (tenant.get().status() != TenantStatus.DELETING) {
            directory.updateTenant(tenant.get().withStatus(TenantStatus.DELETING));
        }
        finishDeletion(id);
        audit.record(AuditEvent.success(now(), by, id, AuditEvent.Action.TENANT_DELETE, id.value()));
    }

    @Override
    public IpAccessList accessList(Caller.ControlPlane by, TenantId id) {
        return TenantLookup.require(directory, id).accessList();
    }

    @Override
    public Tenant setAccessList(Caller.ControlPlane by, TenantId id, IpAccessList accessList) {
        Tenant tenant = by instanceof Caller.HiveHub ? hubTenants.ensure(requireUsable(id), id.value()) : TenantLookup.require(directory, id);
        InvalidValueException.require(tenant.status() != TenantStatus.DELETING, "the tenant is being deleted");
        Tenant changed = tenant.withAccessList(accessList);
        directory.updateTenant(changed);
        audit.record(AuditEvent.success(now(), by, id, AuditEvent.Action.TENANT_ACCESS_LIST, id.value()));
        return changed;
    }

    /** Deletions a crash interrupted, finished when the application starts. */
    void finishInterruptedDeletions(@Observes @Initialized(ApplicationScoped.class) Object started) {
        directory.listTenants().stream().filter(t -> t.status() == TenantStatus.DELETING).forEach(t -> finishDeletion(t.id()));
    }

    /**
     * Removes what is left of a tenant marked DELETING; safe to repeat after an interruption. Every
     * kind of tenant data is dropped here, before the tenant's record and keys go last.
     */
    private void finishDeletion(TenantId id) {
        for (Collection collection : catalog.list(id)) {
            catalog.remove(collection);
            index.drop(collection);
        }
        index.dropTenant(id);
        // Backups (issue E) and the final usage report to HiveHub (issue Q) belong here too.
        hubKeys.forgetTenant(id);
        directory.removeTenant(id);
    }

    private static TenantId requireUsable(TenantId id) {
        InvalidValueException.require(!id.isReserved(), "tenant id '" + id + "' is reserved");
        return id;
    }

    private Tenant changeStatus(Caller.InstallationAdmin admin, TenantId id, TenantStatus status, AuditEvent.Action action) {
        Tenant tenant = TenantLookup.require(directory, id);
        InvalidValueException.require(tenant.status() != TenantStatus.DELETING, "the tenant is being deleted");
        Tenant changed = tenant.withStatus(status);
        directory.updateTenant(changed);
        audit.record(AuditEvent.success(now(), admin, id, action, id.value()));
        return changed;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
