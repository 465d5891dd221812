package dev.vectorizer.adapter.storage.usage;

import dev.vectorizer.domain.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A tenant's requests on one UTC day. */
@Entity
@Table(name = "request_counts", indexes = {
        @Index(name = "request_counts_by_tenant", columnList = "tenant_id, count_day"),
        @Index(name = "request_counts_by_day", columnList = "count_day, requests")})
@NamedQuery(name = RequestCountEntity.SUM, query = "SELECT SUM(c.requests) FROM RequestCountEntity c WHERE c.tenantId = :tenant AND c.day BETWEEN :from AND :to")
@NamedQuery(name = RequestCountEntity.BUSIEST, query = "SELECT c FROM RequestCountEntity c WHERE c.day = :day ORDER BY c.requests DESC, c.tenantId")
@NamedQuery(name = RequestCountEntity.PRUNE, query = "DELETE FROM RequestCountEntity c WHERE c.day < :before")
public class RequestCountEntity {

    static final String SUM = "RequestCountEntity.sum";
    static final String BUSIEST = "RequestCountEntity.busiest";
    static final String PRUNE = "RequestCountEntity.prune";

    /** {@code tenant/day}. */
    @Id
    @Column(length = 80)
    private String id;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "count_day", nullable = false)
    private LocalDate day;

    @Column(nullable = false)
    private long requests;

    protected RequestCountEntity() {
    }

    RequestCountEntity(TenantId tenant, LocalDate day) {
        this.id = id(tenant, day);
        this.tenantId = tenant.value();
        this.day = day;
    }

    static String id(TenantId tenant, LocalDate day) {
        return tenant.value() + "/" + day;
    }

    void add(long n) {
        requests += n;
    }

    TenantId tenant() {
        return new TenantId(tenantId);
    }

    long requests() {
        return requests;
    }
}
