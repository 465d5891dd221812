package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.ApiKey;
import dev.vectorizer.domain.tenant.ApiKeyId;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantStatus;
import java.util.List;
import java.util.Optional;

/**
 * The durable directory of tenants and their API keys (only key hashes are stored). A new tenant or
 * key is recorded together with the audit event of its creation in one durable write (both or
 * neither), which the {@link AuditLogPort} then lists like the events it recorded itself.
 */
public interface TenantDirectoryPort {

    /** Records a new tenant and its audit event; throws {@link dev.vectorizer.domain.ConflictException} (recording neither) if the id is taken. */
    void addTenant(Tenant tenant, AuditEvent created);

    Optional<Tenant> findTenant(TenantId id);

    /** At most {@code limit} tenants in id order, those after {@code after} if given. */
    List<Tenant> listTenants(Optional<TenantId> after, int limit);

    /** Every tenant in {@code status}. */
    List<Tenant> tenantsIn(TenantStatus status);

    /** Replaces the stored tenant with the same id. */
    void updateTenant(Tenant tenant);

    /** Removes the tenant and every key of it. */
    void removeTenant(TenantId id);

    /** Records a new key without an audit event (the installation's first administrator key). */
    void addKey(ApiKey key);

    /** Records a new key and its audit event. */
    void addKey(ApiKey key, AuditEvent issued);

    Optional<ApiKey> findKey(ApiKeyId id);

    /** The tenant's keys, or with an empty tenant the installation administrator's keys. */
    List<ApiKey> listKeys(Optional<TenantId> tenant);

    /** Replaces the stored key with the same id. */
    void updateKey(ApiKey key);
}
