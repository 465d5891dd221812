package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.ApiKey;
import dev.vectorizer.domain.tenant.ApiKeyId;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantStatus;
import java.util.List;
import java.util.Optional;

/** The durable directory of tenants and their API keys (only key hashes are stored). */
public interface TenantDirectoryPort {

    /** Records a new tenant; throws {@link dev.vectorizer.domain.ConflictException} if the id is taken. */
    void addTenant(Tenant tenant);

    Optional<Tenant> findTenant(TenantId id);

    /** At most {@code limit} tenants in id order, those after {@code after} if given. */
    List<Tenant> listTenants(Optional<TenantId> after, int limit);

    /** Every tenant in {@code status}. */
    List<Tenant> tenantsIn(TenantStatus status);

    /** Replaces the stored tenant with the same id. */
    void updateTenant(Tenant tenant);

    /** Removes the tenant and every key of it. */
    void removeTenant(TenantId id);

    void addKey(ApiKey key);

    Optional<ApiKey> findKey(ApiKeyId id);

    /** The tenant's keys, or with an empty tenant the installation administrator's keys. */
    List<ApiKey> listKeys(Optional<TenantId> tenant);

    /** Replaces the stored key with the same id. */
    void updateKey(ApiKey key);
}
