package dev.vectorizer.adapter.storage.metadata;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.backup.BackupStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A row of the backup catalog; the collections are kept as one comma-separated text (names hold no comma). */
@Entity
@Table(name = "backups", indexes = @Index(name = "backups_by_tenant", columnList = "tenant_id, created_at"))
@NamedQuery(name = BackupEntity.BY_TENANT, query = "SELECT b FROM BackupEntity b WHERE b.tenantId = :tenant ORDER BY b.createdAt, b.id")
@NamedQuery(name = BackupEntity.BY_STATUS, query = "SELECT b FROM BackupEntity b WHERE b.status = :status")
public class BackupEntity {

    static final String BY_TENANT = "BackupEntity.byTenant";
    static final String BY_STATUS = "BackupEntity.byStatus";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false, length = Backup.MAX_NAME_LENGTH)
    private String name;

    @Column(nullable = false, length = 16)
    private String status;

    @Column(nullable = false)
    private double progress;

    @Lob
    @Column(name = "collection_names", nullable = false)
    private String collections;

    @Column(name = "vector_count", nullable = false)
    private long vectorCount;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(length = 64)
    private String sha256;

    @Column(name = "format_version", nullable = false)
    private int formatVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected BackupEntity() {
    }

    BackupEntity(Backup backup) {
        this.id = backup.id().value();
        this.tenantId = backup.owner().value();
        this.name = backup.name();
        this.status = backup.status().name();
        this.progress = backup.progress();
        this.collections = String.join(",", backup.collections().stream().map(CollectionName::value).toList());
        this.vectorCount = backup.vectorCount();
        this.sizeBytes = backup.sizeBytes();
        this.sha256 = backup.sha256().orElse(null);
        this.formatVersion = backup.formatVersion();
        this.createdAt = backup.createdAt();
    }

    Backup toDomain() {
        List<CollectionName> names = collections.isEmpty() ? List.of() : Arrays.stream(collections.split(",")).map(CollectionName::new).toList();
        return new Backup(new BackupId(id), new TenantId(tenantId), name, BackupStatus.valueOf(status), progress, names, vectorCount, sizeBytes,
                Optional.ofNullable(sha256), formatVersion, createdAt);
    }
}
