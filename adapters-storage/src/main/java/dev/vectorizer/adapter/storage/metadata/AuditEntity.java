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
        this.id = UUID.randomUUID().toString();
        this.at = event.at();
        this.actor = event.actor();
        this.tenantId = event.tenant().map(TenantId::value).orElse(null);
        this.action = event.action().name();
        this.target = event.target().length() > 512 ? event.target().substring(0, 512) : event.target();
        this.outcome = event.outcome().name();
    }

    AuditEvent toDomain() {
        return new AuditEvent(at, actor, Optional.ofNullable(tenantId).map(TenantId::new), AuditEvent.Action.valueOf(action), target,
                AuditEvent.Outcome.valueOf(outcome));
    }
}
