package dev.vectorizer.adapter.graphql;

import static dev.vectorizer.adapter.graphql.StubPorts.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionInfo;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.CollectionStats;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.hub.HubUnavailableException;
import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.QuotaExceededException;
import dev.vectorizer.domain.search.Fusion;
import dev.vectorizer.domain.search.HybridHit;
import dev.vectorizer.domain.search.HybridRequest;
import dev.vectorizer.domain.search.Match;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.ScrollPage;
import dev.vectorizer.domain.search.ScrollRequest;
import dev.vectorizer.domain.search.SearchRequest;
import dev.vectorizer.domain.tenant.ApiKeyId;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Principal;
import graphql.ExecutionResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The schema's operations: each hands its arguments to its use case as the domain's readers read
 * the REST body, and answers in the REST shapes; failures come back as coded errors.
 */
class GraphQLEngineTest {

    static final Caller.OfTenant ACME = new Caller.OfTenant(new TenantId("acme"), new Principal.TokenSubject("t"), Set.of(Permission.ADMIN), false);
    private static final CollectionName DOCS = new CollectionName("docs");

    private final StubPorts ports = new StubPorts();

    private static CollectionInfo docs() {
        Collection collection = new Collection(new CollectionRef(ACME.tenant(), DOCS),
                new CollectionSpec(3, Metric.DOT_PRODUCT, new HnswSettings(8, 64), Quantization.INT8, Optional.empty()),
                Instant.parse("2026-01-02T03:04:05Z"), new Incarnation(7));
        return new CollectionInfo(collection, new CollectionStats(5_000_000_000L, 12_345_678_901L, 0));
    }

    private String run(String query) {
        return StubPorts.run(ports.engine(true), ACME, query, null);
    }

    @Test
    void collectionsInTheRestShapeWithLongCountsAndUpperCaseEnums() {
        ports.list = caller -> List.of(docs());
        assertThat(run("{ collections { name dimension metric vector_count size_bytes hnsw { m ef_construction } quantization embedding_model created_at } }"))
                .isEqualTo("{\"data\":{\"collections\":[{\"name\":\"docs\",\"dimension\":3,\"metric\":\"DOT_PRODUCT\",\"vector_count\":5000000000,"
                        + "\"size_bytes\":12345678901,\"hnsw\":{\"m\":8,\"ef_construction\":64},\"quantization\":\"INT8\",\"embedding_model\":null,"
                        + "\"created_at\":\"2026-01-02T03:04:05Z\"}]}}");
    }

    @Test
    void createCollectionReadsItsArgumentsAsTheRestBody() {
        AtomicReference<CollectionSpec> spec = new AtomicReference<>();
        ports.create = (caller, name, s) -> {
            spec.set(s);
            return new Collection(new CollectionRef(caller.tenant(), name), s, Instant.EPOCH, new Incarnation(1));
        };
        assertThat(run("mutation { createCollection(name: \"n\", dimension: 4, metric: EUCLIDEAN, hnsw: {m: 12}) { name metric vector_count } }"))
                .isEqualTo("{\"data\":{\"createCollection\":{\"name\":\"n\",\"metric\":\"EUCLIDEAN\",\"vector_count\":0}}}");
        assertThat(spec.get()).isEqualTo(new CollectionSpec(4, Metric.EUCLIDEAN, new HnswSettings(12, HnswSettings.DEFAULT.efConstruction()),
                Quantization.NONE, Optional.empty()));
    }

    @Test
    void aRefusedValueIsAValidationErrorOfThatField() {
        assertThat(run("mutation { createCollection(name: \"n\", dimension: 0) { name } }"))
                .contains("\"path\":[\"createCollection\"]").contains("\"code\":\"VALIDATION_ERROR\"").contains("\"createCollection\":null");
    }

    @Test
    void searchTakesTheRestFieldsAndAsksForPayloadAndVectorOnlyWhenSelected() {
        List<SearchRequest> requests = new ArrayList<>();
        ports.search = StubPorts.searching(request -> {
            requests.add(request);
            return List.of(new ScoredPoint(new VectorId("a"), 0.87f, request.withPayload() ? Optional.of(new Payload(Map.of("k", 1L))) : Optional.empty(),
                    request.withVector() ? Optional.of(new float[] {0.1f, 0.2f}) : Optional.empty()));
        });
        assertThat(run("{ search(collection: \"docs\", vector: [1, 0.5], limit: 3, ef: 50, filter: {must: [{key: \"k\", match: 1}]}) { id score } }"))
                .isEqualTo("{\"data\":{\"search\":[{\"id\":\"a\",\"score\":0.87}]}}");
        assertThat(run("{ search(collection: \"docs\", text: \"hi\") { payload vector } }"))
                .isEqualTo("{\"data\":{\"search\":[{\"payload\":{\"k\":1},\"vector\":[0.1,0.2]}]}}");

        SearchRequest first = requests.getFirst();
        assertThat(((SearchRequest.Target.Dense) first.target()).vector()).containsExactly(1f, 0.5f);
        assertThat(first.limit()).isEqualTo(3);
        assertThat(first.ef()).isEqualTo(50);
        assertThat(first.filter().orElseThrow().must()).containsExactly(new Match("k", 1L));
        assertThat(first.withPayload()).isFalse();
        assertThat(first.withVector()).isFalse();
        assertThat(requests.get(1).target()).isEqualTo(new SearchRequest.Target.Text("hi"));
        assertThat(requests.get(1).withPayload()).isTrue();
        assertThat(requests.get(1).withVector()).isTrue();
    }

    @Test
    void hybridSearchTakesFusionAsAnEnum() {
        AtomicReference<HybridRequest> request = new AtomicReference<>();
        ports.hybrid = (caller, name, r) -> {
            request.set(r);
            return List.of(new HybridHit(new VectorId("a"), 0.5, HybridHit.Source.BOTH, Optional.empty(), Optional.empty()));
        };
        assertThat(run("{ hybridSearch(collection: \"docs\", text: \"t\", fusion: WEIGHTED, alpha: 0.25) { id score source } }"))
                .isEqualTo("{\"data\":{\"hybridSearch\":[{\"id\":\"a\",\"score\":0.5,\"source\":\"BOTH\"}]}}");
        assertThat(request.get().fusion()).isEqualTo(new Fusion.Weighted(0.25));
    }

    @Test
    void vectorsPagesWithACursor() {
        AtomicReference<ScrollRequest> request = new AtomicReference<>();
        ports.scroll = (caller, name, r) -> {
            request.set(r);
            return new ScrollPage(List.of(new Vector(new VectorId("b"), new float[] {1, 2}, Payload.EMPTY)), Optional.of(new VectorId("b")));
        };
        assertThat(run("{ vectors(collection: \"docs\", cursor: \"a\", limit: 1) { vectors { id vector } next_cursor } }"))
                .isEqualTo("{\"data\":{\"vectors\":{\"vectors\":[{\"id\":\"b\",\"vector\":[1.0,2.0]}],\"next_cursor\":\"b\"}}}");
        assertThat(request.get()).isEqualTo(new ScrollRequest(Optional.empty(), 1, Optional.of(new VectorId("a")), true));
    }

    @Test
    void vectorMutationsTakeVariablesAndAnswerCounts() {
        List<Vector> upserted = new ArrayList<>();
        ports.upsert = (caller, name, vectors) -> {
            upserted.addAll(vectors);
            return vectors.size();
        };
        String answer = StubPorts.run(ports.engine(true), ACME, "mutation Up($v: [VectorInput!]!) { upsertVectors(collection: \"docs\", vectors: $v) }",
                "{\"v\":[{\"id\":\"a\",\"vector\":[1,2,3],\"payload\":{\"tags\":[\"x\"],\"n\":1.5}}]}");
        assertThat(answer).isEqualTo("{\"data\":{\"upsertVectors\":1}}");
        assertThat(upserted.getFirst().values()).containsExactly(1, 2, 3);
        assertThat(upserted.getFirst().payload()).isEqualTo(new Payload(Map.of("tags", List.of("x"), "n", 1.5)));

        ports.updatePayload = (caller, name, id, payload) -> new Vector(id, new float[] {1}, payload);
        assertThat(run("mutation { updatePayload(collection: \"docs\", id: \"a\", payload: {color: \"red\"}) { id payload } }"))
                .isEqualTo("{\"data\":{\"updatePayload\":{\"id\":\"a\",\"payload\":{\"color\":\"red\"}}}}");
        ports.insertText = (caller, name, document) -> List.of(new VectorId(document.id() + "#0"));
        assertThat(run("mutation { insertText(collection: \"docs\", id: \"d\", text: \"hello\") }"))
                .isEqualTo("{\"data\":{\"insertText\":[\"d#0\"]}}");
        assertThat(run("mutation { deleteVectors(collection: \"docs\", ids: [\"a\"], filter: {}) }"))
                .contains("give either 'ids' or 'filter'").contains("VALIDATION_ERROR");
    }

    @Test
    void aMissingCollectionIsNotFoundAtItsAliasWhileTheOtherFieldsAnswer() {
        ports.get = (caller, name) -> {
            if (name.equals(DOCS)) {
                return docs();
            }
            throw NotFoundException.collection(name);
        };
        assertThat(run("{ mine: collection(name: \"docs\") { name } theirs: collection(name: \"other\") { name } }"))
                .isEqualTo("{\"errors\":[{\"message\":\"collection 'other' not found\",\"locations\":[{\"line\":1,\"column\":43}],"
                        + "\"path\":[\"theirs\"],\"extensions\":{\"code\":\"NOT_FOUND\"}}],\"data\":{\"mine\":{\"name\":\"docs\"},\"theirs\":null}}");
    }

    @Test
    void refusalsCarryTheirQuotaFiguresAndWhenToRetry() {
        ports.create = (caller, name, spec) -> {
            throw new QuotaExceededException(Limit.MAX_COLLECTIONS, 2, 2, 1);
        };
        assertThat(run("mutation { createCollection(name: \"n\", dimension: 3) { name } }"))
                .contains("\"extensions\":{\"code\":\"QUOTA_EXCEEDED\",\"quota\":\"max_collections\",\"limit\":2,\"used\":2,\"requested\":1}");
        ports.list = caller -> {
            throw new HubUnavailableException("HiveHub gave no usable answer", Duration.ofMillis(4_200));
        };
        ExecutionResult result = ports.engine(true).execute(new GraphQLRequest("{ collections { name } }", null, Map.of(), Map.of()), ACME, false);
        assertThat(Json.write(result.toSpecification())).contains("\"extensions\":{\"code\":\"HUB_UNAVAILABLE\",\"retry_after\":5}");
        assertThat(result.getErrors()).singleElement().satisfies(error -> assertThat(ErrorCodes.retryAfter(error)).hasValue(5));
    }

    @Test
    void aBugIsAnInternalErrorThatShowsOnlyAnIncidentWhichTheLogExplains() {
        ports.list = caller -> {
            throw new IllegalStateException("secret internals");
        };
        Logger log = Logger.getLogger(ErrorCodes.class.getName());
        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        log.setUseParentHandlers(false);
        try {
            String answer = run("{ collections { name } }");
            assertThat(answer).contains("INTERNAL_ERROR").doesNotContain("secret");
            String incident = answer.replaceAll(".*incident ([0-9a-f-]+) .*", "$1");
            assertThat(logged).singleElement().satisfies(r -> {
                assertThat(r.getMessage()).contains(incident);
                assertThat(r.getThrown()).hasMessage("secret internals");
            });
        } finally {
            log.removeHandler(capture);
            log.setUseParentHandlers(true);
        }
    }

    @Test
    void theInstallationAdministratorOwnsNoData() {
        String answer = StubPorts.run(ports.engine(true), new Caller.InstallationAdmin(new ApiKeyId("abcdefghijkl")), "{ collections { name } }", null);
        assertThat(answer).contains("\"code\":\"FORBIDDEN\"").contains("use a tenant key");
    }

    @Test
    void documentsThatDoNotParseOrValidateAreValidationErrorsWithoutData() {
        assertThat(run("{")).startsWith("{\"errors\":[").contains("\"code\":\"VALIDATION_ERROR\"").doesNotContain("\"data\"");
        assertThat(run("{ nope }")).contains("\"code\":\"VALIDATION_ERROR\"").doesNotContain("\"data\"");
        assertThat(StubPorts.run(ports.engine(true), ACME, "query Q($n: Int!) { __typename }", "{\"n\":\"x\"}"))
                .contains("\"code\":\"VALIDATION_ERROR\"").doesNotContain("\"data\"");
    }

    @Test
    void introspectionIsOnUnlessSwitchedOff() {
        assertThat(run("{ __schema { queryType { name } } }")).isEqualTo("{\"data\":{\"__schema\":{\"queryType\":{\"name\":\"Query\"}}}}");
        String off = StubPorts.run(ports.engine(false), ACME, "{ __schema { queryType { name } } }", null);
        assertThat(off).contains("\"code\":\"FORBIDDEN\"").doesNotContain("\"Query\"");
        assertThat(StubPorts.run(ports.engine(false), ACME, "{ __typename }", null)).isEqualTo("{\"data\":{\"__typename\":\"Query\"}}");
    }
}
