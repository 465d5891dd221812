package dev.vectorizer.adapter.storage.usage;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.usage.OperationLogEntry;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** An operation log entry waiting for delivery. */
@Entity
@Table(name = "operation_log", indexes = @Index(name = "operation_log_by_time", columnList = "at, entry_id"))
@NamedQuery(name = OperationLogEntity.OLDEST, query = "SELECT o FROM OperationLogEntity o ORDER BY o.at, o.entryId")
@NamedQuery(name = OperationLogEntity.DELETE, query = "DELETE FROM OperationLogEntity o WHERE o.entryId IN :ids")
@NamedQuery(name = OperationLogEntity.COUNT, query = "SELECT COUNT(o) FROM OperationLogEntity o")
public class OperationLogEntity {

    static final String OLDEST = "OperationLogEntity.oldest";
    static final String DELETE = "OperationLogEntity.delete";
    static final String COUNT = "OperationLogEntity.count";

    @Id
    @Column(name = "entry_id", length = 36)
    private String entryId;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false, length = 32)
    private String operation;

    @Column(length = 128)
    private String collection;

    @Column(nullable = false, length = 32)
    private String outcome;

    protected OperationLogEntity() {
    }

    OperationLogEntity(OperationLogEntry entry) {
        this.entryId = entry.entryId();
        this.at = entry.at();
        this.tenantId = entry.tenant().value();
        this.operation = entry.operation().name();
        this.collection = entry.collection().map(CollectionName::value).orElse(null);
        this.outcome = entry.outcome().name();
    }

    OperationLogEntry toDomain() {
        return new OperationLogEntry(entryId, at, new TenantId(tenantId), OperationLogEntry.Kind.valueOf(operation),
                Optional.ofNullable(collection).map(CollectionName::new), OperationLogEntry.Outcome.valueOf(outcome));
    }
}
