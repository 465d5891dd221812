package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Tenant;
import java.util.List;
import java.util.Optional;

/** The installation administrator's management of tenants. */
public interface ManageTenantsUseCase {

    /** Creates an active tenant; the id is generated unless given. */
    Tenant createTenant(Caller caller, Optional<TenantId> id, String name);

    List<Tenant> listTenants(Caller caller);

    Tenant getTenant(Caller caller, TenantId id);

    Tenant suspendTenant(Caller caller, TenantId id);

    Tenant resumeTenant(Caller caller, TenantId id);

    /**
     * Deletes the tenant with every collection, vector, file and key of it. The tenant is first
     * marked DELETING, so an interrupted deletion is finished on the next start.
     */
    void deleteTenant(Caller caller, TenantId id);
}
