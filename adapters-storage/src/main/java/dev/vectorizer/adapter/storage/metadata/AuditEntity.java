package dev.vectorizer.adapter.storage.metadata;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.AuditEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

@Entity
@Table(name = "audit_log", indexes = {
        @Index(name = "audit_by_time", columnList = "at"),
        @Index(name = "audit_by_tenant", columnList = "tenant_id, at")})
@NamedQuery(name = AuditEntity.LATEST, query = "SELECT a FROM AuditEntity a ORDER BY a.at DESC, a.id")
@NamedQuery(name = AuditEntity.LATEST_OF_TENANT, query = "SELECT a FROM AuditEntity a WHERE a.tenantId = :tenant ORDER BY a.at DESC, a.id")
public class AuditEntity {

    static final String LATEST = "AuditEntity.latest";
    static final String LATEST_OF_TENANT = "AuditEntity.latestOfTenant";

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 64)
    private String actor;

    @Column(name = "tenant_id", length = 64)
    private String tenantId;

    @Column(nullable = false, length = 32)
    private String action;

    @Column(nullable = false, length = 512)
    private String target;

    @Column(nullable = false, length = 16)
    private String outcome;

    protected AuditEntity() {
    }

    AuditEntity(AuditEvent event) {
        this.id = timeOrderedId(event.at());
        this.at = event.at();
        this.actor = event.actor();
        this.tenantId = event.tenant().map(TenantId::value).orElse(null);
        this.action = event.action().name();
        this.target = event.target().length() > 512 ? event.target().substring(0, 512) : event.target();
        this.outcome = event.outcome().name();
    }

    /**
     * A version 7 UUID (RFC 9562): the event's milliseconds, then random bits. Rows are added in about the
     * order of their ids, so each insert writes the last leaf of the primary key's index instead of a
     * random one: fewer pages per commit reach the metadata file (a random UUID's did; docs/PERFORMANCE.md).
     */
    static String timeOrderedId(Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = at.toEpochMilli() << 16 | 0x7000 | random.nextInt(1 << 12);
        long low = random.nextLong() >>> 2 | 1L << 63;
        return new UUID(high, low).toString();
    }

    AuditEvent toDomain() {
        return new AuditEvent(at, actor, Optional.ofNullable(tenantId).map(TenantId::new), AuditEvent.Action.valueOf(action), target,
                AuditEvent.Outcome.valueOf(outcome));
    }
}
