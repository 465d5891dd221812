package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.IpAccessList;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantPage;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The management of tenants: the installation administrator's in standalone mode; a tenant's end
 * and its IP access list also HiveHub's in hub mode (a {@link Caller.ControlPlane}).
 */
public interface ManageTenantsUseCase {

    int DEFAULT_LIMIT = 100;
    int MAX_LIMIT = 1000;

    /**
     * Creates an active tenant with the plan {@code quota} (limits it leaves out are the installation's
     * defaults); the id is generated unless given, and a reserved id is refused.
     */
    Tenant createTenant(Caller.InstallationAdmin admin, Optional<TenantId> id, String name, Quota quota);

    /**
     * Replaces the tenant's plan. A lowered limit refuses further growth; what the tenant holds
     * already stays.
     */
    Tenant setQuota(Caller.InstallationAdmin admin, TenantId id, Quota quota);

    /**
     * One page of at most {@code limit} (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT})
     * tenants in id order, those after {@code after} (the previous page's {@link TenantPage#next}).
     */
    TenantPage listTenants(Caller.InstallationAdmin admin, Optional<TenantId> after, OptionalInt limit);

    Tenant getTenant(Caller.InstallationAdmin admin, TenantId id);

    Tenant suspendTenant(Caller.InstallationAdmin admin, TenantId id);

    Tenant resumeTenant(Caller.InstallationAdmin admin, TenantId id);

    /**
     * Deletes the tenant with every collection, vector, file and key of it. The tenant is first
     * marked DELETING, so an interrupted deletion is finished on the next start. Idempotent for
     * HiveHub (a tenant that is not here is deleted already); the administrator gets a 404 for an
     * unknown id, which is more likely a typo.
     */
    void deleteTenant(Caller.ControlPlane by, TenantId id);

    /** The client addresses that may use the tenant's credentials. */
    IpAccessList accessList(Caller.ControlPlane by, TenantId id);

    /**
     * Replaces the tenant's IP access list; it applies to the next request. HiveHub may set the list
     * of a tenant that has not been seen here yet (it is recorded, as on first use).
     */
    Tenant setAccessList(Caller.ControlPlane by, TenantId id, IpAccessList accessList);
}
