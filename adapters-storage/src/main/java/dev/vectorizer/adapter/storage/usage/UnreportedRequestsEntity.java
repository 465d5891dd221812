package dev.vectorizer.adapter.storage.usage;

import dev.vectorizer.domain.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tenant's requests not yet in a usage report, and where its next report's period starts. */
@Entity
@Table(name = "usage_unreported")
@NamedQuery(name = UnreportedRequestsEntity.WITH_REQUESTS,
        query = "SELECT u.tenantId FROM UnreportedRequestsEntity u WHERE u.requests > 0 ORDER BY u.tenantId")
public class UnreportedRequestsEntity {

    static final String WITH_REQUESTS = "UnreportedRequestsEntity.withRequests";

    @Id
    @Column(name = "tenant_id", length = 64)
    private String tenantId;

    @Column(nullable = false)
    private long requests;

    @Column(nullable = false)
    private Instant since;

    protected UnreportedRequestsEntity() {
    }

    UnreportedRequestsEntity(TenantId tenant, Instant since) {
        this.tenantId = tenant.value();
        this.since = since;
    }

    void add(long n) {
        requests += n;
    }

    long requests() {
        return requests;
    }

    Instant since() {
        return since;
    }

    /** A report took the requests: none are left, the next period starts at {@code periodEnd}. */
    void reported(Instant periodEnd) {
        requests = 0;
        since = periodEnd;
    }
}
