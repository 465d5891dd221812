package dev.vectorizer.adapter.storage.metadata;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.json.AccessListJson;
import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.json.JsonFields;
import dev.vectorizer.domain.tenant.IpAccessList;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "tenants")
@NamedQuery(name = TenantEntity.ALL, query = "SELECT t FROM TenantEntity t ORDER BY t.createdAt, t.id")
public class TenantEntity {

    static final String ALL = "TenantEntity.all";

    @Id
    @Column(length = 64)
    private String id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The IP access list as its JSON ({@link AccessListJson}); null for none, which is what rows from before it hold. */
    @Column(name = "access_list", length = 32768)
    private String accessList;

    protected TenantEntity() {
    }

    TenantEntity(Tenant tenant) {
        this.id = tenant.id().value();
        update(tenant);
        this.createdAt = tenant.createdAt();
    }

    void update(Tenant tenant) {
        this.name = tenant.name();
        this.status = tenant.status().name();
        this.accessList = tenant.accessList().isEmpty() ? null : Json.write(AccessListJson.write(tenant.accessList()));
    }

    Tenant toDomain() {
        IpAccessList list = accessList == null ? IpAccessList.NONE : AccessListJson.read(JsonFields.body(Json.parse(accessList)));
        return new Tenant(new TenantId(id), name, TenantStatus.valueOf(status), createdAt, list);
    }
}
