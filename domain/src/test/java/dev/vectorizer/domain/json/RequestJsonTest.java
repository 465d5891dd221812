package dev.vectorizer.domain.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionInfo;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.CollectionStats;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.TooLargeException;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Fusion;
import dev.vectorizer.domain.search.HybridHit;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.ScrollPage;
import dev.vectorizer.domain.search.ScrollRequest;
import dev.vectorizer.domain.search.SearchRequest;
import dev.vectorizer.domain.search.TextQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The readers of request shapes apply the domain's defaults and rules; the writers give the documented answers. */
class RequestJsonTest {

    private static JsonFields body(String json) {
        return JsonFields.body(Json.parse(json));
    }

    @Test
    void aDocumentMustBeAnObject() {
        assertThatThrownBy(() -> body("[1]")).isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> body("{\"vectors\":[{\"id\":\"a\",\"vector\":[1],\"payload\":[1]}]}").objects("vectors").getFirst().value("payload")
                .map(p -> PayloadJson.read(p, "vectors[0].payload"))).hasMessage("'vectors[0].payload' must be a JSON object");
        assertThatThrownBy(() -> VectorJson.batch(body("{\"vectors\":[{\"id\":\"a\",\"vector\":[\"x\"]}]}")))
                .hasMessage("'vectors[0].vector' must be an array of numbers");
    }

    @Test
    void collectionsHaveDefaults() {
        CollectionSpec spec = CollectionJson.spec(body("{\"name\":\"docs\",\"dimension\":3}"));
        assertThat(spec).isEqualTo(new CollectionSpec(3, Metric.COSINE, HnswSettings.DEFAULT, Quantization.NONE, Optional.empty()));
        assertThat(CollectionJson.spec(body("{\"dimension\":3,\"metric\":\"dot_product\",\"hnsw\":{\"m\":8},\"quantization\":\"int8\"}")))
                .isEqualTo(new CollectionSpec(3, Metric.DOT_PRODUCT, new HnswSettings(8, 200), Quantization.INT8, Optional.empty()));
        assertThatThrownBy(() -> CollectionJson.spec(body("{\"name\":\"docs\"}"))).hasMessage("'dimension' is required");
        assertThatThrownBy(() -> CollectionJson.spec(body("{\"dimension\":3.0}"))).hasMessage("'dimension' must be an integer");
        assertThatThrownBy(() -> CollectionJson.spec(body("{\"dimension\":3,\"hnsw\":{\"m\":\"x\"}}"))).hasMessage("'hnsw.m' must be an integer");
    }

    @Test
    void searchesHaveDefaults() {
        SearchRequest search = SearchJson.search(body("{\"vector\":[1,2]}"));
        assertThat(search.limit()).isEqualTo(10);
        assertThat(search.ef()).isEqualTo(100);
        assertThat(search.withPayload()).isTrue();
        assertThat(search.withVector()).isFalse();
        assertThat(SearchJson.scroll(body("{}"))).isEqualTo(new ScrollRequest(Optional.empty(), ScrollRequest.DEFAULT_LIMIT, Optional.empty(), false));
        assertThat(SearchJson.hybrid(body("{\"text\":\"x\"}")).fusion()).isEqualTo(Fusion.ReciprocalRank.DEFAULT);
        assertThat(SearchJson.hybrid(body("{\"text\":\"x\",\"fusion\":\"weighted\"}")).fusion()).isEqualTo(new Fusion.Weighted(0.5));
        assertThat(SearchJson.hybrid(body("{\"text\":\"x\",\"fusion\":\"weighted\",\"alpha\":1}")).fusion()).isEqualTo(new Fusion.Weighted(1));
        assertThatThrownBy(() -> SearchJson.hybrid(body("{\"text\":\"x\",\"alpha\":0.7}"))).hasMessage("alpha applies to weighted fusion only");
        assertThatThrownBy(() -> SearchJson.hybrid(body("{\"text\":\"x\",\"fusion\":\"weighted\",\"rrf_k\":5}"))).hasMessage("rrf_k applies to rrf fusion only");
        assertThatThrownBy(() -> SearchJson.hybrid(body("{\"text\":\"x\",\"fusion\":\"max\"}"))).hasMessageContaining("unknown fusion 'max'");
        assertThatThrownBy(() -> SearchJson.search(body("{\"vector\":[1],\"text\":\"x\"}"))).hasMessage("give either 'vector' or 'text'");
        assertThatThrownBy(() -> SearchJson.search(body("{\"text\":\"" + "x".repeat(TextQuery.MAX_TEXT_LENGTH + 1) + "\"}")))
                .hasMessage("query text is longer than 10000 characters");
    }

    @Test
    void textDocumentsNeedAnIdThatTakesTheChunkSuffix() {
        assertThat(TextJson.document(body("{\"id\":\"doc\",\"text\":\"hello\"}")).chunkId(3)).isEqualTo(new VectorId("doc#3"));
        assertThatThrownBy(() -> TextJson.document(body("{\"id\":\"\",\"text\":\"hello\"}"))).hasMessage("vector id is required");
        assertThatThrownBy(() -> TextJson.document(body("{\"id\":\"" + "d".repeat(253) + "\",\"text\":\"hello\"}")))
                .hasMessage("document id is longer than 252 characters");
        assertThat(TextJson.texts(body("{\"text\":\"a\"}"))).containsExactly("a");
        assertThatThrownBy(() -> TextJson.texts(body("{\"text\":\"a\",\"texts\":[\"b\"]}"))).hasMessage("give either 'texts' or 'text'");
    }

    @Test
    void deletionsNameIdsOrAFilter() {
        assertThat(VectorJson.deletion(body("{\"ids\":[\"a\"]}"))).isEqualTo(new VectorJson.Deletion.ById(List.of(new VectorId("a"))));
        assertThat(VectorJson.deletion(body("{\"filter\":{\"must\":[{\"key\":\"k\",\"match\":1}]}}"))).isInstanceOf(VectorJson.Deletion.ByFilter.class);
        assertThatThrownBy(() -> VectorJson.deletion(body("{}"))).hasMessage("give either 'ids' or 'filter'");
    }

    @Test
    void payloadsAreBoundedAndKeepTheirTypesWhenStored() {
        Payload payload = PayloadJson.read(Json.parse("{\"big\":18446744073709551616,\"min\":-9223372036854775808,\"d\":0.1,\"z\":-0.0,"
                + "\"s\":\"😀\",\"l\":[1,2.5],\"o\":{\"n\":null}}"), "payload");
        assertThat(PayloadJson.fromBytes(PayloadJson.toBytes(payload))).isEqualTo(payload);
        assertThat(payload.fields().get("big")).isEqualTo(1.8446744073709552E19);
        assertThat(payload.fields().get("min")).isEqualTo(Long.MIN_VALUE);

        String filler = "x".repeat(Payload.MAX_BYTES - "{\"s\":\"\"}".length());
        assertThat(PayloadJson.toBytes(new Payload(Map.of("s", filler)))).hasSize(Payload.MAX_BYTES);
        assertThatThrownBy(() -> new Payload(Map.of("s", filler + "x"))).isInstanceOf(TooLargeException.class);
        assertThatThrownBy(() -> new Payload(Map.of("s", filler.substring(1) + "é"))).as("counted in UTF-8 bytes")
                .isInstanceOf(TooLargeException.class);
        assertThatThrownBy(() -> PayloadJson.read(Map.of("s", filler + "x"), "vectors[2].payload"))
                .isInstanceOf(TooLargeException.class).hasMessageStartingWith("'vectors[2].payload': payload is 65537 bytes");
        assertThatThrownBy(() -> new Payload(Map.of("s", "\ud800"))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void answersHaveTheDocumentedShapes() {
        Collection collection = new Collection(new CollectionRef(new TenantId("acme"), new CollectionName("docs")),
                new CollectionSpec(3, Metric.COSINE, HnswSettings.DEFAULT, Quantization.NONE, Optional.empty()), Instant.parse("2026-01-02T03:04:05Z"),
                Incarnation.LEGACY);
        assertThat(Json.write(CollectionJson.info(new CollectionInfo(collection, new CollectionStats(7, 100))))).isEqualTo(
                "{\"name\":\"docs\",\"dimension\":3,\"metric\":\"cosine\",\"vector_count\":7,\"size_bytes\":100,"
                        + "\"hnsw\":{\"m\":16,\"ef_construction\":200},\"quantization\":\"none\",\"created_at\":\"2026-01-02T03:04:05Z\"}");
        assertThat(Json.write(CollectionJson.stats(new CollectionInfo(collection, new CollectionStats(7, 100)))))
                .isEqualTo("{\"name\":\"docs\",\"vector_count\":7,\"size_bytes\":100}");
        assertThat(Json.write(CollectionJson.deleted(new CollectionName("docs")))).isEqualTo("{\"name\":\"docs\",\"deleted\":true}");
        Vector vector = new Vector(new VectorId("a"), new float[] {0.5f, 1}, new Payload(Map.of("k", 1L)));
        assertThat(Json.write(VectorJson.write(vector))).isEqualTo("{\"id\":\"a\",\"vector\":[0.5,1.0],\"payload\":{\"k\":1}}");
        assertThat(Json.write(SearchJson.page(new ScrollPage(List.of(vector), Optional.of(new VectorId("b"))), SearchJson.scroll(body("{}")))))
                .isEqualTo("{\"vectors\":[{\"id\":\"a\",\"payload\":{\"k\":1}}],\"next_cursor\":\"b\"}");
        assertThat(Json.write(SearchJson.results(List.of(new ScoredPoint(new VectorId("a"), 0.25f, Optional.empty(), Optional.empty())))))
                .isEqualTo("{\"results\":[{\"id\":\"a\",\"score\":0.25}]}");
        assertThat(Json.write(SearchJson.hybridResults(List.of(new HybridHit(new VectorId("a"), 0.5, HybridHit.Source.BOTH,
                Optional.of(Payload.EMPTY), Optional.empty()))))).isEqualTo("{\"results\":[{\"id\":\"a\",\"score\":0.5,\"source\":\"both\",\"payload\":{}}]}");
    }
}
