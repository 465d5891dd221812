package dev.vectorizer.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.TextDocument;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Fusion;
import dev.vectorizer.domain.search.HybridHit;
import dev.vectorizer.domain.search.HybridRequest;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.SearchRequest;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.ForbiddenException;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules the use cases enforce before anything reaches storage. */
class VectorUseCasesTest {

    private static final Caller.OfTenant ACME = caller("acme", Permission.READ_WRITE);
    private static final Caller.OfTenant GLOBEX = caller("globex", Permission.ADMIN);
    private static final CollectionName DOCS = new CollectionName("docs");

    private final InMemoryPorts.Catalog catalog = new InMemoryPorts.Catalog();
    private final InMemoryPorts.Index index = new InMemoryPorts.Index();
    private final InMemoryPorts.LetterCounts embedding = new InMemoryPorts.LetterCounts();
    private final InMemoryPorts.Audit audit = new InMemoryPorts.Audit();
    private final InMemoryUsage usage = new InMemoryUsage(catalog, index);
    private final CollectionService collections = new CollectionService(catalog, index, embedding, audit, usage.ledger, usage.operations);
    private final VectorService vectors = new VectorService(catalog, index, embedding, usage.ledger, usage.operations);
    private final SearchService search = new SearchService(catalog, index, embedding);

    @BeforeEach
    void createDocs() {
        collections.create(ACME, DOCS, spec(3));
    }

    private static Caller.OfTenant caller(String tenant, Permission permission) {
        return new Caller.OfTenant(new TenantId(tenant), new Principal.TokenSubject("tester"), Set.of(permission), false);
    }

    private static CollectionSpec spec(int dimension) {
        return new CollectionSpec(dimension, Metric.DOT_PRODUCT, HnswSettings.DEFAULT, Quantization.NONE, Optional.empty());
    }

    private static Vector v(String id, float... values) {
        return new Vector(new VectorId(id), values, Payload.EMPTY);
    }

    @Test
    void aCollectionNameIsTakenOncePerTenant() {
        assertThatThrownBy(() -> collections.create(ACME, DOCS, spec(3))).isInstanceOf(ConflictException.class);
        collections.create(GLOBEX, DOCS, spec(5));
        assertThat(collections.get(GLOBEX, DOCS).collection().spec().dimension()).isEqualTo(5);
    }

    @Test
    void anotherTenantsCollectionIsNotFound() {
        vectors.upsert(ACME, DOCS, List.of(v("a", 1, 2, 3)));

        assertThatThrownBy(() -> vectors.get(GLOBEX, DOCS, new VectorId("a"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> vectors.upsert(GLOBEX, DOCS, List.of(v("b", 1, 2, 3)))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> collections.delete(GLOBEX, DOCS)).isInstanceOf(NotFoundException.class);
        assertThat(collections.list(GLOBEX)).isEmpty();
        assertThat(index.get(catalog.list(ACME.tenant()).getFirst(), new VectorId("a"))).isPresent();
    }

    @Test
    void aBadBatchIsRefusedWholeBeforeAnyWrite() {
        assertThatThrownBy(() -> vectors.upsert(ACME, DOCS, List.of(v("a", 1, 2, 3), v("b", 1, 2))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("dimension 2");
        assertThatThrownBy(() -> vectors.upsert(ACME, DOCS, List.of(v("a", 1, 2, 3), v("a", 3, 2, 1))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> vectors.upsert(ACME, DOCS, List.of())).isInstanceOf(InvalidValueException.class);
        List<Vector> tooMany = IntStream.range(0, 1001).mapToObj(i -> v("v" + i, 1, 2, 3)).toList();
        assertThatThrownBy(() -> vectors.upsert(ACME, DOCS, tooMany)).isInstanceOf(InvalidValueException.class);
        assertThat(index.writes).isZero();
    }

    @Test
    void vectorsTheMetricCannotScoreAreRefusedBeforeAnyWriteOrSearch() {
        CollectionName cosine = new CollectionName("cos");
        collections.create(ACME, cosine, new CollectionSpec(3, Metric.COSINE, HnswSettings.DEFAULT, Quantization.INT8, Optional.empty()));
        assertThatThrownBy(() -> vectors.upsert(ACME, cosine, List.of(v("a", 1, 0, 0), v("z", 0, 0, 0))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("vector 'z' is a zero vector");
        assertThatThrownBy(() -> vectors.upsert(ACME, cosine, List.of(v("u", (float) 1e-50, 0, 0)))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> vectors.upsert(ACME, DOCS, List.of(v("big", 3e38f, 3e38f, 3e38f))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("vector 'big' is longer than");
        assertThat(index.writes).isZero();

        SearchRequest zero = new SearchRequest(new SearchRequest.Target.Dense(new float[] {0, 0, 0}), 10, 100, Optional.empty(), false, false);
        assertThatThrownBy(() -> search.search(ACME, cosine, zero)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("query vector is a zero vector");
        SearchRequest huge = new SearchRequest(new SearchRequest.Target.Dense(new float[] {3e38f, 0, 0}), 10, 100, Optional.empty(), false, false);
        assertThatThrownBy(() -> search.search(ACME, DOCS, huge)).isInstanceOf(InvalidValueException.class);
        HybridRequest hybrid = new HybridRequest("abc", Optional.of(new float[] {0, 0, 0}), 10, 100, Optional.empty(), Fusion.ReciprocalRank.DEFAULT, false, false);
        assertThatThrownBy(() -> search.hybridSearch(ACME, cosine, hybrid)).isInstanceOf(InvalidValueException.class);

        vectors.upsert(ACME, cosine, List.of(v("tiny", 1e-30f, 1e-30f, 0)));
        assertThat(search.search(ACME, cosine, new SearchRequest(new SearchRequest.Target.Dense(new float[] {1e-30f, 0, 0}), 10, 100,
                Optional.empty(), false, false))).extracting(p -> p.id().value()).containsExactly("tiny");
    }

    @Test
    void textIsChunkedEmbeddedInOneCallAndKeptInThePayload() {
        List<VectorId> ids = vectors.insertText(ACME, DOCS, new TextDocument("doc", "aaa bbb", new Payload(Map.of("k", "v"))));

        assertThat(ids).containsExactly(new VectorId("doc#0"));
        Vector stored = vectors.get(ACME, DOCS, new VectorId("doc#0"));
        assertThat(stored.payload().get("text")).contains("aaa bbb");
        assertThat(stored.payload().get("k")).contains("v");
        assertThat(stored.text()).contains("aaa bbb");
        assertThat(embedding.calls).isEqualTo(1);
    }

    @Test
    void reinsertingAShorterDocumentLeavesNoChunksOfTheLongerOne() {
        String longText = "Alpha beta gamma. ".repeat(400); // about 7,200 characters: several chunks
        List<VectorId> first = vectors.insertText(ACME, DOCS, new TextDocument("doc", longText, null));
        vectors.upsert(ACME, DOCS, List.of(v("doc#other", 1, 1, 1)));

        List<VectorId> second = vectors.insertText(ACME, DOCS, new TextDocument("doc", "short now", null));

        assertThat(first.size()).isGreaterThan(2);
        assertThat(second).containsExactly(new VectorId("doc#0"));
        assertThat(collections.get(ACME, DOCS).stats().vectorCount()).as("doc#0 and the unrelated doc#other").isEqualTo(2);
        assertThat(vectors.get(ACME, DOCS, new VectorId("doc#0")).payload().get("chunk")).contains(0L);
    }

    @Test
    void textNeedsTheEmbeddingModelsDimension() {
        collections.create(ACME, new CollectionName("wide"), spec(8));
        assertThatThrownBy(() -> vectors.insertText(ACME, new CollectionName("wide"), new TextDocument("d", "abc", null)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("needs dimension 3");
    }

    @Test
    void searchByTextEmbedsTheQuery() {
        vectors.upsert(ACME, DOCS, List.of(v("as", 9, 0, 0), v("cs", 0, 0, 9)));

        var hits = search.search(ACME, DOCS, new SearchRequest(new SearchRequest.Target.Text("cccc"), 1, 10, Optional.empty(), true, false));

        assertThat(hits).extracting(h -> h.id().value()).containsExactly("cs");
    }

    private static SearchRequest dense(int limit, float... vector) {
        return new SearchRequest(new SearchRequest.Target.Dense(vector), limit, 10, Optional.empty(), false, false);
    }

    private static SearchRequest text(String text) {
        return new SearchRequest(new SearchRequest.Target.Text(text), 1, 10, Optional.empty(), false, false);
    }

    @Test
    void aBatchAnswersEachSearchInOrderAsASingleSearchWould() {
        vectors.upsert(ACME, DOCS, List.of(v("as", 9, 0, 0), v("bs", 0, 9, 0), v("cs", 0, 0, 9)));
        List<SearchRequest> batch = List.of(dense(1, 0, 1, 0), text("cccc"), dense(2, 1, 0, 0), text("aaa"));
        int embeddingCalls = embedding.calls;

        List<List<ScoredPoint>> answers = search.searchBatch(ACME, DOCS, batch);

        assertThat(answers).hasSize(4);
        for (int i = 0; i < batch.size(); i++) {
            assertThat(answers.get(i)).extracting(h -> h.id().value())
                    .containsExactlyElementsOf(search.search(ACME, DOCS, batch.get(i)).stream().map(h -> h.id().value()).toList());
        }
        assertThat(answers.get(0)).extracting(h -> h.id().value()).containsExactly("bs");
        assertThat(answers.get(1)).extracting(h -> h.id().value()).containsExactly("cs");
        assertThat(answers.get(3)).extracting(h -> h.id().value()).containsExactly("as");
        assertThat(embedding.calls - embeddingCalls).as("the batch's texts embedded in one call, then one per single search")
                .isEqualTo(1 + 2);
    }

    @Test
    void aBatchIsCheckedWholeBeforeAnySearchAndIsBounded() {
        vectors.upsert(ACME, DOCS, List.of(v("a", 1, 2, 3)));

        assertThatThrownBy(() -> search.searchBatch(ACME, DOCS, List.of(dense(1, 1, 0, 0), dense(1, 1, 0))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("query vector 1");
        assertThat(index.searches).as("the valid first search did not run either").isZero();
        assertThatThrownBy(() -> search.searchBatch(ACME, DOCS, List.of())).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("no searches given");
        List<SearchRequest> tooMany = IntStream.range(0, 101).mapToObj(i -> dense(1, 1, 0, 0)).toList();
        assertThatThrownBy(() -> search.searchBatch(ACME, DOCS, tooMany)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("at most 100 searches per request, got 101");
        assertThat(search.searchBatch(ACME, DOCS, tooMany.subList(0, 100))).hasSize(100);
    }

    @Test
    void aBatchIsScopedToTheCallersTenantAndPermissions() {
        vectors.upsert(ACME, DOCS, List.of(v("a", 1, 2, 3)));
        Caller.OfTenant noRead = new Caller.OfTenant(new TenantId("acme"), new Principal.TokenSubject("tester"), Set.of(), false);

        assertThatThrownBy(() -> search.searchBatch(GLOBEX, DOCS, List.of(dense(1, 1, 0, 0)))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> search.searchBatch(noRead, DOCS, List.of(dense(1, 1, 0, 0)))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void hybridSearchMarksWhereHitsCameFrom() {
        vectors.insertText(ACME, DOCS, new TextDocument("t", "cab", null));
        vectors.upsert(ACME, DOCS, List.of(v("x", 0, 0, 5)));

        List<HybridHit> hits = search.hybridSearch(ACME, DOCS,
                new HybridRequest("cab", Optional.empty(), 5, 10, Optional.empty(), Fusion.ReciprocalRank.DEFAULT, true, false));

        assertThat(hits).filteredOn(h -> h.id().value().equals("t#0")).singleElement()
                .extracting(HybridHit::source).isEqualTo(HybridHit.Source.BOTH);
        assertThat(hits).filteredOn(h -> h.id().value().equals("x")).singleElement()
                .extracting(HybridHit::source).isEqualTo(HybridHit.Source.VECTOR);
    }

    @Test
    void permissionsAreEnforcedByTheUseCases() {
        Caller.OfTenant reader = caller("acme", Permission.READ_ONLY);
        vectors.upsert(ACME, DOCS, List.of(v("a", 1, 2, 3)));

        assertThat(vectors.get(reader, DOCS, new VectorId("a")).id().value()).isEqualTo("a");
        assertThat(search.search(reader, DOCS, new SearchRequest(new SearchRequest.Target.Dense(new float[] {1, 2, 3}), 1, 10,
                Optional.empty(), false, false))).hasSize(1);
        assertThatThrownBy(() -> vectors.upsert(reader, DOCS, List.of(v("b", 1, 2, 3)))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> collections.create(reader, new CollectionName("x"), spec(3))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> collections.delete(reader, DOCS)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> collections.delete(caller("acme", Permission.MCP), DOCS)).isInstanceOf(ForbiddenException.class);
        assertThat(index.writes).isEqualTo(1);
    }

    @Test
    void deletingACollectionRemovesItsIndex() {
        collections.delete(ACME, DOCS);

        assertThat(catalog.rows).isEmpty();
        assertThat(index.collections).isEmpty();
        assertThat(audit.events).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditEvent.Action.COLLECTION_DELETE);
            assertThat(e.tenant()).contains(ACME.tenant());
            assertThat(e.target()).isEqualTo("docs");
        });
        assertThatThrownBy(() -> collections.get(ACME, DOCS)).isInstanceOf(NotFoundException.class);
    }
}
