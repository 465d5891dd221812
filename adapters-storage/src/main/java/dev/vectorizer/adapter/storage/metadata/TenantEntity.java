package dev.vectorizer.adapter.storage.metadata;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.json.AccessListJson;
import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.json.JsonFields;
import dev.vectorizer.domain.json.QuotaJson;
import dev.vectorizer.domain.quota.Quota;
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
@NamedQuery(name = TenantEntity.FIRST, query = "SELECT t FROM TenantEntity t ORDER BY t.id")
@NamedQuery(name = TenantEntity.AFTER, query = "SELECT t FROM TenantEntity t WHERE t.id > :after ORDER BY t.id")
@NamedQuery(name = TenantEntity.IN_STATUS, query = "SELECT t FROM TenantEntity t WHERE t.status = :status")
public class TenantEntity {

    static final String FIRST = "TenantEntity.first";
    static final String AFTER = "TenantEntity.after";
    static final String IN_STATUS = "TenantEntity.inStatus";

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

    /** The plan's limits as {@link QuotaJson} writes them; null (a row from before plans) is a plan that sets none. */
    @Column(length = 1024)
    private String quota;

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
        this.quota = Json.write(QuotaJson.write(tenant.quota()));
    }

    Tenant toDomain() {
        IpAccessList list = accessList == null ? IpAccessList.NONE : AccessListJson.read(JsonFields.body(Json.parse(accessList)));
        Quota plan = quota == null ? Quota.NONE : QuotaJson.read(JsonFields.body(Json.parse(quota)));
        return new Tenant(new TenantId(id), name, TenantStatus.valueOf(status), createdAt, plan, list);
    }
}
