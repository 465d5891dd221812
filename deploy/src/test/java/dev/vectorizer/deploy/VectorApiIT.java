package dev.vectorizer.deploy;

import static dev.vectorizer.deploy.ServerOnPayaraMicroIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The vector API end to end over HTTP against the uber-jar in single mode (no credentials, one
 * implicit tenant): what a client sees, including every refusal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorApiIT {

    @AutoClose
    private ServerProcess server;
    private Http http;

    @BeforeAll
    void start() throws Exception {
        server = new ServerProcess(Files.createTempDirectory("vectorizer-api-it"), "-Dvectorizer.mode=single").start();
        http = server.http();
    }

    private Http.Answer post(String path, String json) {
        return http.post(path, "application/json", json);
    }

    private void createCollection(String name, int dimension, String metric) {
        Http.Answer created = post("api/collections", "{\"name\":\"%s\",\"dimension\":%d,\"metric\":\"%s\"}".formatted(name, dimension, metric));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static String vec(float... values) {
        return IntStream.range(0, values.length).mapToObj(i -> String.valueOf(values[i])).collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void collectionLifecycle() {
        Http.Answer created = post("api/collections", """
                {"name":"lifecycle","dimension":4,"metric":"euclidean","hnsw":{"m":8,"ef_construction":64},"quantization":"int8"}""");
        assertThat(created.status()).isEqualTo(201);
        JsonObject info = created.json();
        assertThat(info.getString("name")).isEqualTo("lifecycle");
        assertThat(info.getInt("dimension")).isEqualTo(4);
        assertThat(info.getString("metric")).isEqualTo("euclidean");
        assertThat(info.getJsonObject("hnsw").getInt("m")).isEqualTo(8);
        assertThat(info.getJsonObject("hnsw").getInt("ef_construction")).isEqualTo(64);
        assertThat(info.getString("quantization")).isEqualTo("int8");
        assertThat(info.getString("created_at")).isNotBlank();

        assertProblem(post("api/collections", "{\"name\":\"lifecycle\",\"dimension\":4}"), 409, "CONFLICT");
        assertThat(http.get("api/collections").json().getJsonArray("collections").stream()
                .map(c -> c.asJsonObject().getString("name"))).contains("lifecycle");

        assertThat(http.send(HttpRequest.newBuilder(server.base().resolve("api/collections/lifecycle")).DELETE()).status()).isEqualTo(204);
        assertProblem(http.get("api/collections/lifecycle"), 404, "NOT_FOUND");
        assertProblem(http.send(HttpRequest.newBuilder(server.base().resolve("api/collections/lifecycle")).DELETE()), 404, "NOT_FOUND");
    }

    @Test
    void upsertGetSearchDelete() {
        createCollection("basics", 3, "cosine");
        Http.Answer upserted = post("api/collections/basics/vectors", """
                {"vectors":[
                  {"id":"a","vector":[1,0,0],"payload":{"color":"red","price":5}},
                  {"id":"b","vector":[0,1,0],"payload":{"color":"blue","price":15}},
                  {"id":"c","vector":[0.9,0.1,0],"payload":{"color":"red","price":25}}]}""");
        assertThat(upserted.status()).as(upserted.body()).isEqualTo(200);
        assertThat(upserted.json().getInt("upserted")).isEqualTo(3);

        JsonObject a = http.get("api/collections/basics/vectors/a").json();
        assertThat(a.getJsonArray("vector")).hasSize(3);
        assertThat(a.getJsonObject("payload").getString("color")).isEqualTo("red");

        JsonArray hits = post("api/collections/basics/search", "{\"vector\":[1,0,0],\"limit\":2}").json().getJsonArray("results");
        assertThat(hits).extracting(h -> ((JsonObject) h).getString("id")).containsExactly("a", "c");
        assertThat(hits.getJsonObject(0).getJsonNumber("score").doubleValue()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));

        JsonArray filtered = post("api/collections/basics/search", """
                {"vector":[1,0,0],"filter":{"must":[{"key":"price","range":{"gt":10}}]}}""").json().getJsonArray("results");
        assertThat(filtered).extracting(h -> ((JsonObject) h).getString("id")).containsExactly("c", "b");

        JsonArray batch = post("api/collections/basics/search/batch", """
                {"searches":[{"vector":[1,0,0],"limit":2},
                             {"vector":[0,1,0],"limit":1,"with_payload":true},
                             {"vector":[1,0,0],"filter":{"must":[{"key":"price","range":{"gt":10}}]}}]}""").json().getJsonArray("searches");
        assertThat(batch).hasSize(3);
        assertThat(batch.getJsonObject(0).getJsonArray("results")).isEqualTo(hits);
        assertThat(batch.getJsonObject(1).getJsonArray("results").getJsonObject(0).getJsonObject("payload").getString("color")).isEqualTo("blue");
        assertThat(batch.getJsonObject(2).getJsonArray("results")).isEqualTo(filtered);

        assertThat(http.get("api/collections/basics").json().getInt("vector_count")).isEqualTo(3);

        assertThat(post("api/collections/basics/vectors/delete", "{\"filter\":{\"must\":[{\"key\":\"color\",\"match\":\"blue\"}]}}")
                .json().getInt("deleted")).isEqualTo(1);
        assertThat(http.send(HttpRequest.newBuilder(server.base().resolve("api/collections/basics/vectors/a")).DELETE()).status()).isEqualTo(204);
        assertProblem(http.get("api/collections/basics/vectors/a"), 404, "NOT_FOUND");
        assertThat(http.get("api/collections/basics").json().getInt("vector_count")).isEqualTo(1);
    }

    @Test
    void putReplacesByIdAndScrollWalksEverything() {
        createCollection("scrolling", 2, "dot_product");
        String batch = IntStream.range(0, 25).mapToObj(i -> "{\"id\":\"v%02d\",\"vector\":[%d,1],\"payload\":{\"n\":%d}}".formatted(i, i, i))
                .collect(Collectors.joining(",", "{\"vectors\":[", "]}"));
        assertThat(post("api/collections/scrolling/vectors", batch).status()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(server.base().resolve("api/collections/scrolling/vectors/v00"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"vector\":[9,9],\"payload\":{\"n\":100}}"))).status()).isEqualTo(200);
        assertThat(http.get("api/collections/scrolling/vectors/v00").json().getJsonObject("payload").getInt("n")).isEqualTo(100);

        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = post("api/collections/scrolling/scroll", cursor == null ? "{\"limit\":10}" : "{\"limit\":10,\"cursor\":\"" + cursor + "\"}").json();
            page.getJsonArray("vectors").forEach(v -> seen.add(v.asJsonObject().getString("id")));
            cursor = page.containsKey("next_cursor") && page.get("next_cursor") != JsonValue.NULL ? page.getString("next_cursor") : null;
        } while (cursor != null);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void textInsertSearchHybridAndEmbed() {
        Http.Answer created = post("api/collections", "{\"name\":\"texts\",\"dimension\":384,\"embedding_model\":\"all-minilm-l6-v2\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String[][] docs = {
                {"cats", "Cats are small domesticated felines that purr and chase mice."},
                {"rust", "The Rust compiler enforces memory safety through ownership and borrowing."},
                {"bread", "Sourdough bread rises slowly thanks to wild yeast and lactic bacteria."}};
        for (String[] doc : docs) {
            Http.Answer inserted = post("api/collections/texts/insert_text", "{\"id\":\"%s\",\"text\":\"%s\",\"payload\":{\"kind\":\"doc\"}}".formatted(doc[0], doc[1]));
            assertThat(inserted.status()).as(inserted.body()).isEqualTo(200);
            assertThat(inserted.json().getJsonArray("ids").getString(0)).isEqualTo(doc[0] + "#0");
        }
        JsonArray hits = post("api/collections/texts/search", "{\"text\":\"kitten purring\",\"limit\":1}").json().getJsonArray("results");
        assertThat(hits.getJsonObject(0).getString("id")).isEqualTo("cats#0");
        assertThat(hits.getJsonObject(0).getJsonObject("payload").getString("text")).startsWith("Cats are");
        assertThat(hits.getJsonObject(0).getJsonObject("payload").getString("document_id")).isEqualTo("cats");
        assertThat(hits.getJsonObject(0).getJsonObject("payload").getString("kind")).isEqualTo("doc");

        JsonArray hybrid = post("api/collections/texts/search/hybrid", "{\"text\":\"compiler ownership\",\"limit\":3}").json().getJsonArray("results");
        assertThat(hybrid.getJsonObject(0).getString("id")).isEqualTo("rust#0");
        assertThat(hybrid.getJsonObject(0).getString("source")).isEqualTo("both");

        JsonObject embedded = post("api/embed", "{\"texts\":[\"hello\",\"world\"]}").json();
        assertThat(embedded.getString("model")).isEqualTo("all-minilm-l6-v2");
        assertThat(embedded.getInt("dimension")).isEqualTo(384);
        assertThat(embedded.getJsonArray("embeddings")).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            wrong dimension              | api/collections/bad/vectors | {"vectors":[{"id":"x","vector":[1,2]}]}                       | 400 | VALIDATION_ERROR
            empty vector                 | api/collections/bad/vectors | {"vectors":[{"id":"x","vector":[]}]}                          | 400 | VALIDATION_ERROR
            overflow to infinity         | api/collections/bad/vectors | {"vectors":[{"id":"x","vector":[1e39,0,0]}]}                  | 400 | VALIDATION_ERROR
            vector of strings            | api/collections/bad/vectors | {"vectors":[{"id":"x","vector":["a","b","c"]}]}               | 400 | VALIDATION_ERROR
            duplicate ids                | api/collections/bad/vectors | {"vectors":[{"id":"x","vector":[1,2,3]},{"id":"x","vector":[1,2,3]}]} | 400 | VALIDATION_ERROR
            missing id                   | api/collections/bad/vectors | {"vectors":[{"vector":[1,2,3]}]}                              | 400 | VALIDATION_ERROR
            payload not an object        | api/collections/bad/vectors | {"vectors":[{"id":"x","vector":[1,2,3],"payload":[1]}]}       | 400 | VALIDATION_ERROR
            no vectors                   | api/collections/bad/vectors | {"vectors":[]}                                                | 400 | VALIDATION_ERROR
            malformed json               | api/collections/bad/vectors | {"vectors":[                                                  | 400 | MALFORMED_JSON
            not an object                | api/collections/bad/vectors | [1,2,3]                                                       | 400 | MALFORMED_JSON
            unknown collection           | api/collections/nope/vectors | {"vectors":[{"id":"x","vector":[1,2,3]}]}                    | 404 | NOT_FOUND
            limit over 100               | api/collections/bad/search  | {"vector":[1,2,3],"limit":101}                                | 400 | VALIDATION_ERROR
            limit zero                   | api/collections/bad/search  | {"vector":[1,2,3],"limit":0}                                  | 400 | VALIDATION_ERROR
            search without target        | api/collections/bad/search  | {"limit":5}                                                   | 400 | VALIDATION_ERROR
            search dimension             | api/collections/bad/search  | {"vector":[1,2]}                                              | 400 | VALIDATION_ERROR
            text on non-text collection  | api/collections/bad/search  | {"text":"hello"}                                              | 400 | VALIDATION_ERROR
            empty batch                  | api/collections/bad/search/batch | {"searches":[]}                                          | 400 | VALIDATION_ERROR
            batch without searches       | api/collections/bad/search/batch | {"vector":[1,2,3]}                                       | 400 | VALIDATION_ERROR
            batch with one bad search    | api/collections/bad/search/batch | {"searches":[{"vector":[1,2,3]},{"vector":[1,2]}]}       | 400 | VALIDATION_ERROR
            batch search not an object   | api/collections/bad/search/batch | {"searches":[[1,2,3]]}                                   | 400 | VALIDATION_ERROR
            batch, unknown collection    | api/collections/nope/search/batch | {"searches":[{"vector":[1,2,3]}]}                        | 404 | NOT_FOUND
            bad filter clause            | api/collections/bad/search  | {"vector":[1,2,3],"filter":{"must":[{"key":"a"}]}}            | 400 | VALIDATION_ERROR
            empty filter                 | api/collections/bad/search  | {"vector":[1,2,3],"filter":{}}                                | 400 | VALIDATION_ERROR
            bad range                    | api/collections/bad/search  | {"vector":[1,2,3],"filter":{"must":[{"key":"a","range":{}}]}} | 400 | VALIDATION_ERROR
            two condition kinds          | api/collections/bad/search  | {"vector":[1,2,3],"filter":{"must":[{"key":"a","match":1,"range":{"gt":0}}]}} | 400 | VALIDATION_ERROR
            condition and nested filter  | api/collections/bad/vectors/delete | {"filter":{"must":[{"key":"a","match":1,"must":[{"key":"b","match":2}]}]}} | 400 | VALIDATION_ERROR
            trailing garbage             | api/collections/bad/vectors | {"vectors":[{"id":"x","vector":[1,2,3]}]} trailing            | 400 | MALFORMED_JSON
            two documents                | api/collections/bad/vectors | {"vectors":[{"id":"x","vector":[1,2,3]}]}{}                   | 400 | MALFORMED_JSON
            duplicate keys               | api/collections/bad/vectors | {"vectors":[{"id":"x","id":"y","vector":[1,2,3]}]}            | 400 | MALFORMED_JSON
            number beyond double         | api/collections/bad/vectors | {"vectors":[{"id":"x","vector":[1e400,2,3]}]}                 | 400 | MALFORMED_JSON
            number beyond double, payload | api/collections/bad/vectors | {"vectors":[{"id":"x","vector":[1,2,3],"payload":{"n":1e400}}]} | 400 | MALFORMED_JSON
            bad geo                      | api/collections/bad/search  | {"vector":[1,2,3],"filter":{"must":[{"key":"a","geo_radius":{"lat":91,"lon":0,"meters":5}}]}} | 400 | VALIDATION_ERROR
            unknown metric               | api/collections             | {"name":"m1","dimension":3,"metric":"manhattan"}              | 400 | VALIDATION_ERROR
            dimension too large          | api/collections             | {"name":"m2","dimension":4097}                                | 400 | VALIDATION_ERROR
            bad collection name          | api/collections             | {"name":"../etc","dimension":3}                               | 400 | VALIDATION_ERROR
            unknown quantization         | api/collections             | {"name":"m3","dimension":3,"quantization":"int2"}             | 400 | VALIDATION_ERROR
            embedding model mismatch     | api/collections             | {"name":"m4","dimension":3,"embedding_model":"all-minilm-l6-v2"} | 400 | VALIDATION_ERROR
            """)
    void badInputIsRefusedAndChangesNothing(String what, String path, String body, int status, String errorType) {
        ensureBadCollection();
        assertProblem(post(path, body), status, errorType);
        assertThat(http.get("api/collections/bad").json().getInt("vector_count")).as("nothing was written").isEqualTo(1);
        assertThat(http.get("api/collections").json().getJsonArray("collections").stream()
                .map(c -> c.asJsonObject().getString("name"))).doesNotContain("m1", "m2", "m3", "m4");
    }

    @Test
    void jsonNestedTooDeepOrWithOverlongNumbersIs400() {
        ensureBadCollection();
        String deep = "{\"vectors\":[{\"id\":\"d\",\"vector\":[1,2,3],\"payload\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2000) + "}]}";
        Http.Answer tooDeep = post("api/collections/bad/vectors", deep);
        assertProblem(tooDeep, 400, "MALFORMED_JSON");
        assertThat(tooDeep.json().getString("detail")).contains("line 1, column").contains("nested deeper than 64 levels");
        assertProblem(post("api/collections/bad/vectors", "{\"vectors\":[{\"id\":\"n\",\"vector\":[1" + "0".repeat(2000) + ",2,3]}]}"),
                400, "MALFORMED_JSON");
        assertProblem(post("api/collections/bad/search", "{\"vector\":[1,2,3],\"filter\":" + "{\"must\":[".repeat(100) + "]}".repeat(100) + "}"),
                400, "MALFORMED_JSON");
        assertThat(http.get("api/collections/bad").json().getInt("vector_count")).isEqualTo(1);
    }

    @Test
    void aMissingBodyIs400() {
        ensureBadCollection();
        assertProblem(http.send(HttpRequest.newBuilder(http.resolve("api/collections/bad/scroll")).POST(HttpRequest.BodyPublishers.noBody())),
                400, "MALFORMED_JSON");
        assertProblem(post("api/collections/bad/scroll", ""), 400, "MALFORMED_JSON");
    }

    @Test
    void insertTextNeedsADocumentId() {
        createCollection("text-ids", 384, "cosine");
        assertProblem(post("api/collections/text-ids/insert_text", "{\"id\":\"\",\"text\":\"hello\"}"), 400, "VALIDATION_ERROR");
        assertThat(http.get("api/collections/text-ids").json().getInt("vector_count")).isZero();
    }

    @Test
    void oneEmbeddingRequestEmbedsAtMostAHundredThousandCharacters() {
        String tenThousand = "\"" + "word ".repeat(2000) + "\"";
        Http.Answer refused = post("api/embed", IntStream.range(0, 11).mapToObj(i -> tenThousand).collect(Collectors.joining(",", "{\"texts\":[", "]}")));
        assertProblem(refused, 400, "VALIDATION_ERROR");
        assertThat(refused.json().getString("detail")).contains("100000 characters");
    }

    @Test
    void requestDurationsAreReportedInSeconds() {
        http.get("api/collections");
        String metrics = http.get("metrics?scope=application").body();
        for (String series : List.of("_max", "_mean", "_sum")) {
            Matcher value = Pattern.compile("(?m)^vectorizer_requests_seconds" + series + "\\{[^}]*operation=\"CollectionsResource.list\"[^}]*} (\\S+)$")
                    .matcher(metrics);
            assertThat(value.find()).as(series + " in\n" + metrics).isTrue();
            assertThat(Double.parseDouble(value.group(1))).as(series + " is in seconds (a request takes less than an hour)").isBetween(0.0, 3600.0);
        }
        Matcher quantiles = Pattern.compile("(?m)^vectorizer_requests_seconds\\{[^}]*} (\\S+)$").matcher(metrics);
        while (quantiles.find()) {
            assertThat(Double.parseDouble(quantiles.group(1))).as("quantiles, if shown, are in seconds: " + quantiles.group()).isBetween(0.0, 3600.0);
        }
    }

    @Test
    void wrongMediaTypeIs415() {
        ensureBadCollection();
        assertProblem(http.post("api/collections/bad/vectors", "text/plain", "{\"vectors\":[]}"), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void oversizeBodiesAndPayloadsAre413() {
        ensureBadCollection();
        String bigPayload = "x".repeat(70 * 1024);
        assertProblem(post("api/collections/bad/vectors", "{\"vectors\":[{\"id\":\"y\",\"vector\":[1,2,3],\"payload\":{\"s\":\"" + bigPayload + "\"}}]}"),
                413, "PAYLOAD_TOO_LARGE");
        String hugeBody = "{\"vectors\":[{\"id\":\"y\",\"vector\":[1,2,3],\"payload\":{\"s\":\"" + "x".repeat(33 * 1024 * 1024) + "\"}}]}";
        // As curl does for large bodies: announce the body and let the server refuse it before it is sent.
        assertProblem(http.send(HttpRequest.newBuilder(http.resolve("api/collections/bad/vectors")).expectContinue(true)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(hugeBody))), 413, "PAYLOAD_TOO_LARGE");
        String tooMany = IntStream.range(0, 1001).mapToObj(i -> "{\"id\":\"t" + i + "\",\"vector\":[1,2,3]}")
                .collect(Collectors.joining(",", "{\"vectors\":[", "]}"));
        assertProblem(post("api/collections/bad/vectors", tooMany), 400, "VALIDATION_ERROR");
        assertThat(http.get("api/collections/bad").json().getInt("vector_count")).isEqualTo(1);
    }

    @Test
    void filteredSearchStillFindsKWhenTheFilterIsRestrictive() {
        createCollection("restrictive", 8, "cosine");
        Random random = new Random(7);
        String batch = IntStream.range(0, 500).mapToObj(i -> {
            float[] v = new float[8];
            for (int d = 0; d < 8; d++) {
                v[d] = random.nextFloat();
            }
            return "{\"id\":\"r%d\",\"vector\":%s,\"payload\":{\"rare\":%s}}".formatted(i, vec(v), i % 50 == 0);
        }).collect(Collectors.joining(",", "{\"vectors\":[", "]}"));
        assertThat(post("api/collections/restrictive/vectors", batch).status()).isEqualTo(200);

        JsonArray hits = post("api/collections/restrictive/search", """
                {"vector":[0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5],"limit":10,"filter":{"must":[{"key":"rare","match":true}]}}""")
                .json().getJsonArray("results");
        assertThat(hits).hasSize(10);
        assertThat(hits).allSatisfy(h -> assertThat(Integer.parseInt(((JsonObject) h).getString("id").substring(1)) % 50).isZero());
    }

    @Test
    void requestsAreMeasuredPerOperationAndStatus() {
        http.get("api/collections");
        http.get("api/collections/never-created");

        String metrics = http.get("metrics?scope=application").body();
        assertThat(metrics).contains("vectorizer_requests_seconds_count")
                .containsPattern("vectorizer_requests_seconds_count\\{[^}]*operation=\"CollectionsResource.list\"[^}]*status=\"200\"")
                .containsPattern("vectorizer_requests_seconds_count\\{[^}]*operation=\"CollectionsResource.get\"[^}]*status=\"404\"");
    }

    private void ensureBadCollection() {
        if (http.get("api/collections/bad").status() == 404) {
            createCollection("bad", 3, "cosine");
            assertThat(post("api/collections/bad/vectors", "{\"vectors\":[{\"id\":\"keep\",\"vector\":[1,2,3]}]}").status()).isEqualTo(200);
        }
    }

}
