package dev.vectorizer.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.SearchRequest;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request acts only on the collection instance (incarnation) it resolved: another request that
 * deletes and recreates the name in between (run here right after the lookup) is never affected.
 */
class IncarnationRulesTest {

    private static final Caller.OfTenant ACME = new Caller.OfTenant(new TenantId("acme"), new Principal.TokenSubject("tester"), Set.of(Permission.ADMIN), false);
    private static final CollectionName DOCS = new CollectionName("docs");

    private final InMemoryPorts.Catalog catalog = new InMemoryPorts.Catalog();
    private final InMemoryPorts.Index index = new InMemoryPorts.Index();
    private final InMemoryPorts.LetterCounts embedding = new InMemoryPorts.LetterCounts();
    private final InMemoryUsage usage = new InMemoryUsage(catalog, index);
    private final CollectionService collections = new CollectionService(catalog, index, embedding, new InMemoryPorts.Audit(), usage.ledger,
            usage.operations);
    private final VectorService vectors = new VectorService(catalog, index, embedding, usage.ledger, usage.operations);
    private final SearchService search = new SearchService(catalog, index, embedding);

    private static CollectionSpec spec(int dimension) {
        return new CollectionSpec(dimension, Metric.EUCLIDEAN, HnswSettings.DEFAULT, Quantization.NONE, Optional.empty());
    }

    private static Vector v(String id, float... values) {
        return new Vector(new VectorId(id), values, Payload.EMPTY);
    }

    @BeforeEach
    void createDocs() {
        collections.create(ACME, DOCS, spec(3));
        vectors.upsert(ACME, DOCS, List.of(v("old", 1, 2, 3)));
    }

    /** Right after the next lookup, the name is deleted and created again with {@code dimension}, holding "new". */
    private void recreateAfterTheNextLookup(int dimension) {
        catalog.afterNextFind = () -> {
            collections.delete(ACME, DOCS);
            collections.create(ACME, DOCS, spec(dimension));
            float[] values = new float[dimension];
            values[0] = 1;
            vectors.upsert(ACME, DOCS, List.of(v("new", values)));
        };
    }

    @Test
    void aDeleteThatResolvedTheOldCollectionLeavesTheRecreatedOneAlone() {
        recreateAfterTheNextLookup(3);
        assertThatThrownBy(() -> collections.delete(ACME, DOCS)).isInstanceOf(NotFoundException.class);

        assertThat(vectors.get(ACME, DOCS, new VectorId("new")).values()).containsExactly(1, 0, 0);
        assertThat(collections.list(ACME)).hasSize(1);
    }

    @Test
    void aWriteCheckedAgainstTheOldDimensionIsNotFoundInsteadOfReachingTheNewCollection() {
        recreateAfterTheNextLookup(5);
        assertThatThrownBy(() -> vectors.upsert(ACME, DOCS, List.of(v("late", 1, 1, 1)))).isInstanceOf(NotFoundException.class);

        assertThat(collections.get(ACME, DOCS).stats().vectorCount()).isEqualTo(1);
        assertThatThrownBy(() -> vectors.get(ACME, DOCS, new VectorId("late"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSearchCheckedAgainstTheOldDimensionIsNotFound() {
        recreateAfterTheNextLookup(5);
        SearchRequest old = new SearchRequest(new SearchRequest.Target.Dense(new float[] {1, 1, 1}), 10, 100, Optional.empty(), false, false);
        assertThatThrownBy(() -> search.search(ACME, DOCS, old)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theLoserOfTwoCreatesOfOneNameIsAConflictAndLeavesNoIndexBehind() {
        assertThatThrownBy(() -> collections.create(ACME, DOCS, spec(4))).isInstanceOf(ConflictException.class);
        assertThat(index.collections).hasSize(1);
        assertThat(vectors.get(ACME, DOCS, new VectorId("old"))).isNotNull();
    }
}
