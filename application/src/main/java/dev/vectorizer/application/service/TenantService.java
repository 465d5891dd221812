package dev.vectorizer.application.service;

import dev.vectorizer.application.port.in.ManageTenantsUseCase;
import dev.vectorizer.application.port.out.AuditLogPort;
import dev.vectorizer.application.port.out.TenantDirectoryPort;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.IpAccessList;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantPage;
import dev.vectorizer.domain.tenant.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The tenants' lifecycle: create, set the quota, list, suspend, resume, delete (what a deleted tenant
 * held is removed by {@link TenantRemoval}), and their IP access lists.
 */
@ApplicationScoped
public class TenantService implements ManageTenantsUseCase {

    private final TenantDirectoryPort directory;
    private final AuditLogPort audit;
    private final TenantRemoval removal;
    private final TenantsOnFirstUse hubTenants;
    private final Clock clock;

    @Inject
    public TenantService(TenantDirectoryPort directory, AuditLogPort audit, TenantRemoval removal) {
        this(directory, audit, removal, Clock.systemUTC());
    }

    TenantService(TenantDirectoryPort directory, AuditLogPort audit, TenantRemoval removal, Clock clock) {
        this.directory = directory;
        this.audit = audit;
        this.removal = removal;
        this.hubTenants = new TenantsOnFirstUse(directory, clock);
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected TenantService() {
        this(null, null, null, null);
    }

    @Override
    public Tenant createTenant(Caller.InstallationAdmin admin, Optional<TenantId> id, String name, Quota quota) {
        id.ifPresent(given -> InvalidValueException.require(!given.isReserved(), "tenant id '" + given + "' is reserved"));
        Tenant tenant = new Tenant(id.orElseGet(() -> new TenantId(UUID.randomUUID().toString())), name, TenantStatus.ACTIVE, now(), quota,
                IpAccessList.NONE);
        directory.addTenant(tenant, AuditEvent.success(now(), admin, tenant.id(), AuditEvent.Action.TENANT_CREATE, tenant.id().value()));
        return tenant;
    }

    @Override
    public Tenant setQuota(Caller.InstallationAdmin admin, TenantId id, Quota quota) {
        Tenant tenant = TenantLookup.require(directory, id);
        InvalidValueException.require(tenant.status() != TenantStatus.DELETING, "the tenant is being deleted");
        Tenant changed = tenant.withQuota(quota);
        directory.updateTenant(changed);
        audit.record(AuditEvent.success(now(), admin, id, AuditEvent.Action.TENANT_QUOTA, id.value()));
        return changed;
    }

    @Override
    public TenantPage listTenants(Caller.InstallationAdmin admin, Optional<TenantId> after, OptionalInt limit) {
        int count = limit.orElse(DEFAULT_LIMIT);
        InvalidValueException.require(count >= 1 && count <= MAX_LIMIT, "limit must be between 1 and " + MAX_LIMIT);
        List<Tenant> found = directory.listTenants(after, count + 1);
        if (found.size() <= count) {
            return new TenantPage(found, Optional.empty());
        }
        List<Tenant> page = found.subList(0, count);
        return new TenantPage(page, Optional.of(page.getLast().id()));
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
            removal.finishRemoved(id); // deleted already: HiveHub retried
            return;
        }
        if (tenant.get().status() != TenantStatus.DELETING) {
            directory.updateTenant(tenant.get().withStatus(TenantStatus.DELETING));
        }
        removal.finish(tenant.get());
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
