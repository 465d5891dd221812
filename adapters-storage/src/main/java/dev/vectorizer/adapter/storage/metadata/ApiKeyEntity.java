package dev.vectorizer.adapter.storage.metadata;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.ApiKey;
import dev.vectorizer.domain.tenant.ApiKeyId;
import dev.vectorizer.domain.tenant.ApiKeyStatus;
import dev.vectorizer.domain.tenant.Permission;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An API key's record: its public id and the SHA-256 of the key, never the key. */
@Entity
@Table(name = "api_keys", indexes = @Index(name = "api_keys_by_tenant", columnList = "tenant_id"))
@NamedQuery(name = ApiKeyEntity.OF_TENANT, query = "SELECT k FROM ApiKeyEntity k WHERE k.tenantId = :tenant ORDER BY k.createdAt, k.id")
@NamedQuery(name = ApiKeyEntity.OF_ADMIN, query = "SELECT k FROM ApiKeyEntity k WHERE k.tenantId IS NULL ORDER BY k.createdAt, k.id")
@NamedQuery(name = ApiKeyEntity.DELETE_OF_TENANT, query = "DELETE FROM ApiKeyEntity k WHERE k.tenantId = :tenant")
public class ApiKeyEntity {

    static final String OF_TENANT = "ApiKeyEntity.ofTenant";
    static final String OF_ADMIN = "ApiKeyEntity.ofAdmin";
    static final String DELETE_OF_TENANT = "ApiKeyEntity.deleteOfTenant";

    @Id
    @Column(length = 12)
    private String id;

    /** Null for the installation administrator's keys. */
    @Column(name = "tenant_id", length = 64)
    private String tenantId;

    @Column(name = "key_hash", nullable = false, length = 64)
    private String keyHash;

    @Column(nullable = false, length = 100)
    private String permissions;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(name = "test_key", nullable = false)
    private boolean test;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected ApiKeyEntity() {
    }

    ApiKeyEntity(ApiKey key) {
        this.id = key.id().value();
        this.tenantId = key.tenant().map(TenantId::value).orElse(null);
        this.keyHash = key.hash();
        this.permissions = key.permissions().stream().map(Permission::name).sorted().collect(Collectors.joining(","));
        this.test = key.test();
        this.createdAt = key.createdAt();
        update(key);
    }

    void update(ApiKey key) {
        this.status = key.status().name();
        this.expiresAt = key.expiresAt().orElse(null);
    }

    ApiKey toDomain() {
        return new ApiKey(new ApiKeyId(id), Optional.ofNullable(tenantId).map(TenantId::new), keyHash,
                Arrays.stream(permissions.split(",")).map(Permission::valueOf).collect(Collectors.toSet()),
                ApiKeyStatus.valueOf(status), test, createdAt, Optional.ofNullable(expiresAt));
    }
}
