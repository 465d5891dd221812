package dev.vectorizer.adapter.storage.metadata;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A row of the collection catalog, keyed by the collection's storage key (so one name has one row:
 * its current incarnation). Rows written before incarnations were recorded have none and read as
 * {@link Incarnation#LEGACY}.
 */
@Entity
@Table(name = "collections", indexes = @Index(name = "collections_by_tenant", columnList = "tenant_id, name"))
@NamedQuery(name = CollectionEntity.BY_TENANT, query = "SELECT c FROM CollectionEntity c WHERE c.tenantId = :tenant ORDER BY c.name")
@NamedQuery(name = CollectionEntity.REMOVE_INCARNATION,
        query = "DELETE FROM CollectionEntity c WHERE c.storageKey = :key AND COALESCE(c.incarnation, 0) = :incarnation")
public class CollectionEntity {

    static final String BY_TENANT = "CollectionEntity.byTenant";
    static final String REMOVE_INCARNATION = "CollectionEntity.removeIncarnation";

    @Id
    @Column(name = "storage_key", length = 200)
    private String storageKey;

    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Column(nullable = false, length = 128)
    private String name;

    @Column(nullable = false)
    private int dimension;

    @Column(nullable = false, length = 16)
    private String metric;

    @Column(name = "hnsw_m", nullable = false)
    private int hnswM;

    @Column(name = "hnsw_ef_construction", nullable = false)
    private int hnswEfConstruction;

    @Column(nullable = false, length = 16)
    private String quantization;

    @Column(name = "embedding_model", length = 128)
    private String embeddingModel;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "incarnation")
    private Long incarnation;

    protected CollectionEntity() {
    }

    CollectionEntity(Collection collection) {
        CollectionSpec spec = collection.spec();
        this.storageKey = collection.ref().storageKey();
        this.tenantId = collection.ref().tenant().value();
        this.name = collection.ref().name().value();
        this.dimension = spec.dimension();
        this.metric = spec.metric().name();
        this.hnswM = spec.hnsw().m();
        this.hnswEfConstruction = spec.hnsw().efConstruction();
        this.quantization = spec.quantization().name();
        this.embeddingModel = spec.embeddingModel().orElse(null);
        this.createdAt = collection.createdAt();
        this.incarnation = collection.incarnation().value();
    }

    private Incarnation incarnation() {
        return incarnation == null ? Incarnation.LEGACY : new Incarnation(incarnation);
    }

    Collection toDomain() {
        return new Collection(
                new CollectionRef(new TenantId(tenantId), new CollectionName(name)),
                new CollectionSpec(dimension, Metric.valueOf(metric), new HnswSettings(hnswM, hnswEfConstruction),
                        Quantization.valueOf(quantization), Optional.ofNullable(embeddingModel)),
                createdAt, incarnation());
    }
}
