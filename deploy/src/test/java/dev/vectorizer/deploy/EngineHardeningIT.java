package dev.vectorizer.deploy;

import static dev.vectorizer.deploy.ServerOnPayaraMicroIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inputs that once bricked a collection or answered 500 (issue S), over HTTP against the uber-jar:
 * every route of the collection keeps answering, every acknowledged write survives a kill -9, and
 * vectors a metric cannot score are refused with a 400 before anything is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineHardeningIT {

    @AutoClose
    private ServerProcess server;
    private Http http;

    @BeforeAll
    void start() throws Exception {
        server = new ServerProcess(Files.createTempDirectory("vectorizer-hardening-it"), "-Dvectorizer.mode=single").start();
        http = server.http();
    }

    private void create(String name, String metric, String quantization) {
        Http.Answer created = http.postJson("api/collections",
                "{\"name\":\"%s\",\"dimension\":4,\"metric\":\"%s\",\"quantization\":\"%s\"}".formatted(name, metric, quantization));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private void upsert(String collection, String vectors) {
        Http.Answer upserted = http.postJson("api/collections/" + collection + "/vectors", "{\"vectors\":[" + vectors + "]}");
        assertThat(upserted.status()).as(upserted.body()).isEqualTo(200);
    }

    private JsonArray search(String collection, String body) {
        Http.Answer answer = http.postJson("api/collections/" + collection + "/search", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonArray results = answer.json().getJsonArray("results");
        assertThat(results).allSatisfy(hit -> assertThat(hit.asJsonObject().get("score").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER));
        return results;
    }

    /** Every route of the collection answers, and it holds exactly {@code ids}. */
    private void assertServes(String collection, String... ids) {
        Http.Answer info = http.get("api/collections/" + collection);
        assertThat(info.status()).as(info.body()).isEqualTo(200);
        assertThat(info.json().getInt("vector_count")).isEqualTo(ids.length);
        assertThat(http.get("api/collections").status()).isEqualTo(200);
        assertThat(http.get("api/collections/" + collection + "/vectors/" + ids[0]).status()).isEqualTo(200);
        Http.Answer scroll = http.postJson("api/collections/" + collection + "/scroll", "{\"limit\":100}");
        assertThat(scroll.status()).as(scroll.body()).isEqualTo(200);
        assertThat(scroll.json().getJsonArray("vectors")).extracting(v -> ((JsonObject) v).getString("id")).containsExactly(ids);
        assertThat(search(collection, "{\"vector\":[1,0.5,0,0],\"limit\":10}")).extracting(h -> ((JsonObject) h).getString("id"))
                .containsExactlyInAnyOrder(ids);
    }

    @Test
    void oppositeVectorsDoNotBrickAQuantizedCosineCollectionAndSurviveKillMinus9() throws Exception {
        for (String quantization : List.of("int8", "int4", "binary")) {
            String name = "opposite-" + quantization;
            create(name, "cosine", quantization);
            upsert(name, "{\"id\":\"a\",\"vector\":[1,0,0,0]},{\"id\":\"b\",\"vector\":[-1,0,0,0]}");
            upsert(name, "{\"id\":\"c\",\"vector\":[0,1,0,0]}");
            upsert(name, "{\"id\":\"d\",\"vector\":[0,-1,0,0]}");
            assertServes(name, "a", "b", "c", "d");
        }
        server.kill(); // whatever was not committed is replayed from the translog, all in one flush
        server.start();
        for (String quantization : List.of("int8", "int4", "binary")) {
            String name = "opposite-" + quantization;
            assertServes(name, "a", "b", "c", "d");
            upsert(name, "{\"id\":\"e\",\"vector\":[0,0,1,0]}");
            assertServes(name, "a", "b", "c", "d", "e");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "int8", "int4", "binary"})
    void searchWithNoCandidatesAnswersAnEmptyList(String quantization) {
        String name = "empty-" + quantization;
        create(name, "cosine", quantization);
        assertThat(search(name, "{\"vector\":[1,2,3,4]}")).isEmpty();
        upsert(name, "{\"id\":\"red\",\"vector\":[1,2,3,4],\"payload\":{\"color\":\"red\"}}");
        assertThat(search(name, "{\"vector\":[1,2,3,4],\"filter\":{\"must\":[{\"key\":\"color\",\"match\":\"blue\"}]}}")).isEmpty();
        assertThat(search(name, "{\"vector\":[1,2,3,4]}")).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            zero vector, cosine          | refuse-cosine-int8 | vectors | {"vectors":[{"id":"z","vector":[0,0,0,0]}]}
            underflows to zero, cosine   | refuse-cosine-int8 | vectors | {"vectors":[{"id":"z","vector":[1e-999999999,0,0,0]}]}
            zero query, cosine           | refuse-cosine-int8 | search  | {"vector":[0,0,0,0]}
            zero query, hybrid           | refuse-cosine-int8 | search/hybrid | {"text":"x","vector":[0,0,0,0]}
            overflowing dot product      | refuse-dot-none    | vectors | {"vectors":[{"id":"big","vector":[3e38,3e38,3e38,3e38]}]}
            overflowing dot query        | refuse-dot-none    | search  | {"vector":[3e38,0,0,0]}
            overflowing euclidean        | refuse-euclid-int4 | vectors | {"vectors":[{"id":"big","vector":[1e16,0,0,0]}]}
            """)
    void vectorsTheMetricCannotScoreAre400AndChangeNothing(String what, String collection, String route, String body) {
        if (http.get("api/collections/" + collection).status() == 404) {
            String[] parts = collection.split("-");
            create(collection, switch (parts[1]) {
                case "cosine" -> "cosine";
                case "dot" -> "dot_product";
                default -> "euclidean";
            }, parts[2]);
            upsert(collection, "{\"id\":\"keep\",\"vector\":[1,2,3,4]}");
        }
        assertProblem(http.postJson("api/collections/" + collection + "/" + route, body), 400, "VALIDATION_ERROR");
        assertServes(collection, "keep");
    }

    @Test
    void aTinyCosineVectorIsStoredAndScoredByItsDirection() {
        create("tiny", "cosine", "int8");
        upsert("tiny", "{\"id\":\"tiny\",\"vector\":[1e-30,1e-30,0,0]},{\"id\":\"other\",\"vector\":[0,0,1,0]}");
        JsonArray hits = search("tiny", "{\"vector\":[1,1,0,0]}");
        assertThat(hits.getJsonObject(0).getString("id")).isEqualTo("tiny");
        assertThat(hits.getJsonObject(0).getJsonNumber("score").doubleValue()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(http.get("api/collections/tiny/vectors/tiny").json().getJsonArray("vector").getJsonNumber(0).doubleValue())
                .isCloseTo(1e-30, org.assertj.core.data.Offset.offset(1e-35));
    }

    @Test
    void concurrentCreatesOfOneNameGiveOne201AndOnly409s() throws Exception {
        CyclicBarrier start = new CyclicBarrier(6);
        List<CompletableFuture<Integer>> creates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            creates.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return http.postJson("api/collections", "{\"name\":\"contested\",\"dimension\":4}").status();
            }, Thread::startVirtualThread));
        }
        List<Integer> statuses = creates.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
    }
}
