package dev.vectorizer.application.service;

import dev.vectorizer.application.port.out.AuditLogPort;
import dev.vectorizer.application.port.out.TenantDirectoryPort;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.ApiKey;
import dev.vectorizer.domain.tenant.ApiKeyId;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantStatus;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tenant directory in maps, for testing the authentication and administration rules; creations' audit events go to {@code audit}. */
final class InMemoryDirectory implements TenantDirectoryPort {

    final Map<TenantId, Tenant> tenants = new LinkedHashMap<>();
    final Map<ApiKeyId, ApiKey> keys = new LinkedHashMap<>();
    private final AuditLogPort audit;

    InMemoryDirectory(AuditLogPort audit) {
        this.audit = audit;
    }

    InMemoryDirectory() {
        this(new InMemoryPorts.Audit());
    }

    /** A tenant recorded before the test, without an audit event. */
    void addTenant(Tenant tenant) {
        if (tenants.putIfAbsent(tenant.id(), tenant) != null) {
            throw new ConflictException("taken");
        }
    }

    @Override
    public void addTenant(Tenant tenant, AuditEvent created) {
        addTenant(tenant);
        audit.record(created);
    }

    @Override
    public Optional<Tenant> findTenant(TenantId id) {
        return Optional.ofNullable(tenants.get(id));
    }

    @Override
    public List<Tenant> listTenants(Optional<TenantId> after, int limit) {
        return tenants.values().stream().filter(t -> after.isEmpty() || t.id().value().compareTo(after.get().value()) > 0)
                .sorted(Comparator.comparing(t -> t.id().value())).limit(limit).toList();
    }

    @Override
    public List<Tenant> tenantsIn(TenantStatus status) {
        return tenants.values().stream().filter(t -> t.status() == status).toList();
    }

    @Override
    public void updateTenant(Tenant tenant) {
        tenants.put(tenant.id(), tenant);
    }

    @Override
    public void removeTenant(TenantId id) {
        tenants.remove(id);
        keys.values().removeIf(k -> k.tenant().equals(Optional.of(id)));
    }

    @Override
    public void addKey(ApiKey key) {
        keys.put(key.id(), key);
    }

    @Override
    public void addKey(ApiKey key, AuditEvent issued) {
        addKey(key);
        audit.record(issued);
    }

    @Override
    public Optional<ApiKey> findKey(ApiKeyId id) {
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public List<ApiKey> listKeys(Optional<TenantId> tenant) {
        return keys.values().stream().filter(k -> k.tenant().equals(tenant)).toList();
    }

    @Override
    public void updateKey(ApiKey key) {
        keys.put(key.id(), key);
    }
}
