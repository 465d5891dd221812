package dev.vectorizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.domain.json.DefensiveHeaders;
import dev.vectorizer.domain.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * GraphQL over HTTP end to end against the uber-jar in standalone mode: every query and mutation,
 * tenancy (aliases and fragments aimed at another tenant's collection find nothing), permissions,
 * authentication, the limits, the protocol's rules, and the graphql-http conformance audits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQLIT {

    private static final String COLLECTION_FIELDS = "{ name dimension metric vector_count size_bytes hnsw { m ef_construction } quantization embedding_model created_at }";

    private ServerProcess server;
    private Http anonymous;
    private Http admin;
    private final Map<String, Http> as = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        Path workDir = Files.createTempDirectory("vectorizer-graphql-it");
        server = new ServerProcess(workDir, "-Dvectorizer.auth.brute-force.max-failures=1000").start();
        anonymous = server.http();
        admin = anonymous.withKey(Files.readString(workDir.resolve("data/admin.key")).strip());
        for (String tenant : List.of("acme", "globex")) {
            assertThat(admin.postJson("api/admin/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"" + tenant + "\"}").status()).isEqualTo(201);
            as.put(tenant, anonymous.withKey(issueKey(tenant, "READ_WRITE")));
            assertThat(data(as.get(tenant), "mutation { createCollection(name: \"own-" + tenant + "\", dimension: 3) { name } }")
                    .getJsonObject("createCollection").getString("name")).isEqualTo("own-" + tenant);
            assertThat(data(as.get(tenant), "mutation V($v: [VectorInput!]!) { upsertVectors(collection: \"own-" + tenant + "\", vectors: $v) }",
                    Map.of("v", List.of(Map.of("id", "x", "vector", List.of(1, 0, 0), "payload", Map.of("owner", tenant))))).getInt("upsertVectors"))
                    .isEqualTo(1);
        }
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String issueKey(String tenant, String permission) {
        Http.Answer issued = admin.postJson("api/admin/tenants/" + tenant + "/keys", "{\"permissions\":[\"" + permission + "\"]}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().getString("key");
    }

    private static Http.Answer post(Http http, String query, Map<String, Object> variables) {
        return http.postJson("api/graphql", Json.write(Json.object("query", query, "variables", variables)));
    }

    /** The answer's data, after checking that it is a 200 without errors. */
    private static JsonObject data(Http http, String query, Map<String, Object> variables) {
        Http.Answer answer = post(http, query, variables);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().containsKey("errors")).as(answer.body()).isFalse();
        return answer.json().getJsonObject("data");
    }

    private static JsonObject data(Http http, String query) {
        return data(http, query, Map.of());
    }

    /** The codes of the answer's errors, after checking that it is a 200 (field errors). */
    private static List<String> codes(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return answer.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getJsonObject("extensions").getString("code")).toList();
    }

    private static void assertRefused(Http.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("code")).isEqualTo(code);
        assertThat(answer.json().containsKey("data")).isFalse();
    }

    @Test
    void collectionsAndVectorsEndToEnd() {
        Http acme = as.get("acme");
        JsonObject created = data(acme, "mutation { createCollection(name: \"life\", dimension: 2, metric: EUCLIDEAN, hnsw: {m: 8, ef_construction: 64},"
                + " quantization: INT8) " + COLLECTION_FIELDS + " }").getJsonObject("createCollection");
        assertThat(created.getString("metric")).isEqualTo("EUCLIDEAN");
        assertThat(created.getJsonObject("hnsw").getInt("ef_construction")).isEqualTo(64);
        assertThat(created.getString("quantization")).isEqualTo("INT8");
        assertThat(codes(post(acme, "mutation { createCollection(name: \"life\", dimension: 2) { name } }", Map.of()))).containsExactly("CONFLICT");

        List<Map<String, Object>> vectors = IntStream.range(0, 5).mapToObj(i -> Map.<String, Object>of("id", "v" + i, "vector", List.of(i, 1.5),
                "payload", Map.of("n", i, "tags", List.of("even-" + (i % 2 == 0))))).toList();
        assertThat(data(acme, "mutation U($v: [VectorInput!]!) { upsertVectors(collection: \"life\", vectors: $v) }", Map.of("v", vectors))
                .getInt("upsertVectors")).isEqualTo(5);

        JsonObject one = data(acme, "{ vector(collection: \"life\", id: \"v3\") { id vector payload } }").getJsonObject("vector");
        assertThat(one.getJsonArray("vector").getJsonNumber(1).doubleValue()).isEqualTo(1.5);
        assertThat(one.getJsonObject("payload").getInt("n")).isEqualTo(3);

        JsonObject page = data(acme, "{ vectors(collection: \"life\", limit: 2) { vectors { id } next_cursor } }").getJsonObject("vectors");
        assertThat(ids(page.getJsonArray("vectors"))).containsExactly("v0", "v1");
        JsonObject next = data(acme, "query P($c: String) { vectors(collection: \"life\", cursor: $c, limit: 10, filter: {must: [{key: \"n\", range: {gte: 1}}]}) "
                + "{ vectors { id payload } next_cursor } }", Map.of("c", page.getString("next_cursor"))).getJsonObject("vectors");
        assertThat(ids(next.getJsonArray("vectors"))).containsExactly("v2", "v3", "v4");
        assertThat(next.isNull("next_cursor")).isTrue();

        JsonArray hits = data(acme, "{ search(collection: \"life\", vector: [4, 1.5], limit: 2, ef: 32, filter: {must_not: [{key: \"n\", match: 4}]}) "
                + "{ id score payload } }").getJsonArray("search");
        assertThat(ids(hits)).containsExactly("v3", "v2");
        assertThat(hits.getJsonObject(0).getJsonObject("payload").getInt("n")).isEqualTo(3);

        JsonObject updated = data(acme, "mutation { updatePayload(collection: \"life\", id: \"v3\", payload: {color: \"red\"}) { id vector payload } }")
                .getJsonObject("updatePayload");
        assertThat(updated.getJsonObject("payload")).isEqualTo(jakarta.json.Json.createObjectBuilder().add("color", "red").build());
        assertThat(data(acme, "{ vector(collection: \"life\", id: \"v3\") { vector payload } }").getJsonObject("vector").getJsonArray("vector"))
                .isEqualTo(one.getJsonArray("vector"));
        assertThat(codes(post(acme, "mutation { updatePayload(collection: \"life\", id: \"nope\", payload: {}) { id } }", Map.of())))
                .containsExactly("NOT_FOUND");

        assertThat(data(acme, "mutation { deleteVectors(collection: \"life\", ids: [\"v0\", \"v9\"]) }").getInt("deleteVectors")).isEqualTo(1);
        assertThat(data(acme, "mutation { deleteVectors(collection: \"life\", filter: {must: [{key: \"tags\", match: \"even-true\"}]}) }")
                .getInt("deleteVectors")).isEqualTo(2);
        assertThat(data(acme, "{ collection(name: \"life\") { vector_count } }").getJsonObject("collection").getInt("vector_count")).isEqualTo(2);
        assertThat(data(acme, "{ collections { name } }").getJsonArray("collections").stream().map(c -> c.asJsonObject().getString("name")))
                .containsExactlyInAnyOrder("own-acme", "life");

        assertThat(data(acme, "mutation { deleteCollection(name: \"life\") }").getBoolean("deleteCollection")).isTrue();
        assertThat(codes(post(acme, "{ collection(name: \"life\") { name } }", Map.of()))).containsExactly("NOT_FOUND");
    }

    @Test
    void textInsertedAndSearchedByMeaningAndKeywords() {
        Http globex = as.get("globex");
        data(globex, "mutation { createCollection(name: \"texts\", dimension: 384, embedding_model: \"all-minilm-l6-v2\") { name } }");
        assertThat(data(globex, "mutation { insertText(collection: \"texts\", id: \"rust\", text: \"Rust's compiler checks ownership and borrowing.\","
                + " payload: {kind: \"doc\"}) }").getJsonArray("insertText").getString(0)).isEqualTo("rust#0");
        data(globex, "mutation { insertText(collection: \"texts\", id: \"bread\", text: \"Knead the dough and let it rise overnight.\") }");

        JsonArray byText = data(globex, "{ search(collection: \"texts\", text: \"memory safety in a systems language\", limit: 1) { id payload } }")
                .getJsonArray("search");
        assertThat(ids(byText)).containsExactly("rust#0");
        assertThat(byText.getJsonObject(0).getJsonObject("payload").getString("kind")).isEqualTo("doc");
        JsonArray hybrid = data(globex, "{ hybridSearch(collection: \"texts\", text: \"compiler ownership\", limit: 2, fusion: RRF, rrf_k: 10) "
                + "{ id score source } }").getJsonArray("hybridSearch");
        assertThat(hybrid.getJsonObject(0).getString("id")).isEqualTo("rust#0");
        assertThat(hybrid.getJsonObject(0).getString("source")).isEqualTo("BOTH");
    }

    /** Every operation aimed at another tenant's collection reads exactly as one aimed at a missing collection. */
    @Test
    void noTenantReachesAnothersCollectionWhateverTheDocumentSays() {
        Http acme = as.get("acme");
        for (String operation : List.of(
                "{ collection(name: \"%s\") { name } }",
                "{ vector(collection: \"%s\", id: \"x\") { id } }",
                "{ vectors(collection: \"%s\") { vectors { id } } }",
                "{ search(collection: \"%s\", vector: [1, 0, 0]) { id } }",
                "{ hybridSearch(collection: \"%s\", text: \"x\", vector: [1, 0, 0]) { id } }",
                "mutation { upsertVectors(collection: \"%s\", vectors: [{id: \"x\", vector: [0, 0, 1]}]) }",
                "mutation { updatePayload(collection: \"%s\", id: \"x\", payload: {owner: \"acme\"}) { id } }",
                "mutation { deleteVectors(collection: \"%s\", ids: [\"x\"]) }",
                "mutation { deleteVectors(collection: \"%s\", filter: {must: [{key: \"owner\", match: \"globex\"}]}) }",
                "mutation { insertText(collection: \"%s\", id: \"t\", text: \"hello\") }",
                "mutation { deleteCollection(name: \"%s\") }")) {
            Http.Answer probed = post(acme, operation.formatted("own-globex"), Map.of());
            Http.Answer missing = post(acme, operation.formatted("no-such"), Map.of());
            assertThat(codes(probed)).as(operation).containsExactly("NOT_FOUND");
            assertThat(probed.body().replace("own-globex", "?")).isEqualTo(missing.body().replace("no-such", "?"));
        }

        String fragments = "fragment Leak on Collection { name vector_count } "
                + "{ mine: collection(name: \"own-acme\") { ...Leak } theirs: collection(name: \"own-globex\") { ...Leak } "
                + "peek: vector(collection: \"own-globex\", id: \"x\") { ... on Vector { payload } } "
                + "all: collections { ...Leak } }";
        Http.Answer mixed = post(acme, fragments, Map.of());
        assertThat(codes(mixed)).containsExactly("NOT_FOUND", "NOT_FOUND");
        JsonObject data = mixed.json().getJsonObject("data");
        assertThat(data.getJsonObject("mine").getString("name")).isEqualTo("own-acme");
        assertThat(data.get("theirs")).isEqualTo(JsonValue.NULL);
        assertThat(data.get("peek")).isEqualTo(JsonValue.NULL);
        assertThat(data.getJsonArray("all").stream().map(c -> c.asJsonObject().getString("name"))).doesNotContain("own-globex");
        assertThat(mixed.body()).doesNotContain("globex\"}");

        JsonObject victim = data(as.get("globex"), "{ vector(collection: \"own-globex\", id: \"x\") { vector payload } collection(name: \"own-globex\") { vector_count } }");
        assertThat(victim.getJsonObject("vector").getJsonObject("payload").getString("owner")).as("untouched").isEqualTo("globex");
        assertThat(victim.getJsonObject("collection").getInt("vector_count")).isEqualTo(1);
    }

    @Test
    void permissionsAreTheUseCasesAndCredentialsTheAuthenticators() {
        Http reader = anonymous.withKey(issueKey("acme", "READ_ONLY"));
        assertThat(data(reader, "{ search(collection: \"own-acme\", vector: [1, 0, 0]) { id } }").getJsonArray("search")).hasSize(1);
        assertThat(codes(post(reader, "mutation { upsertVectors(collection: \"own-acme\", vectors: [{id: \"y\", vector: [0, 1, 0]}]) }", Map.of())))
                .containsExactly("FORBIDDEN");
        assertThat(codes(post(reader, "mutation { deleteCollection(name: \"own-acme\") }", Map.of()))).containsExactly("FORBIDDEN");
        Http mcp = anonymous.withKey(issueKey("acme", "MCP"));
        assertThat(codes(post(mcp, "mutation { deleteCollection(name: \"own-acme\") }", Map.of()))).containsExactly("FORBIDDEN");
        assertThat(codes(post(admin, "{ collections { name } }", Map.of()))).containsExactly("FORBIDDEN");
        assertThat(data(as.get("acme"), "{ collection(name: \"own-acme\") { vector_count } }").getJsonObject("collection").getInt("vector_count"))
                .isEqualTo(1);

        Http.Answer missing = post(anonymous, "{ collections { name } }", Map.of());
        assertRefused(missing, 401, "AUTH_MISSING_KEY");
        assertThat(missing.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertRefused(post(anonymous.withKey("hh_live_" + "A".repeat(40)), "{ collections { name } }", Map.of()), 401, "AUTH_INVALID_KEY");
        String key = issueKey("acme", "READ_ONLY");
        assertThat(anonymous.send(HttpRequest.newBuilder(server.base().resolve("api/graphql")).header("Content-Type", "application/json")
                .header("X-API-Key", key).POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ collections { name } }\"}"))).status()).isEqualTo(200);

        Http suspended = anonymous.withKey(issueKey("globex", "READ_ONLY"));
        admin.postJson("api/admin/tenants/globex/suspend", "{}");
        try {
            assertRefused(post(suspended, "{ collections { name } }", Map.of()), 403, "FORBIDDEN");
        } finally {
            admin.postJson("api/admin/tenants/globex/resume", "{}");
        }
    }

    @Test
    void abusiveDocumentsAreRefusedWithACodedErrorNeverA500() {
        Http acme = as.get("acme");
        String deep = "{ __type(name: \"Query\") { fields { type { " + "ofType { ".repeat(13) + "name" + " }".repeat(16) + " }";
        String costly = "{ a: vectors(collection: \"own-acme\", limit: 1000) { vectors { id payload vector } next_cursor } "
                + "b: vectors(collection: \"own-acme\", limit: 1000) { vectors { id payload vector } next_cursor } }";
        String aliases = "{ " + IntStream.range(0, 31).mapToObj(i -> "s" + i + ": search(collection: \"own-acme\", vector: [1, 0, 0], limit: 1) { id }")
                .collect(Collectors.joining(" ")) + " }";
        String huge = "{ __typename " + " ".repeat(100_001) + "}";
        for (String abusive : List.of(deep, costly, aliases, huge, "{ collections { name }", "{ nope }")) {
            Http.Answer json = post(acme, abusive, Map.of());
            assertThat(codes(json)).as(abusive.substring(0, Math.min(40, abusive.length()))).containsExactly("VALIDATION_ERROR");
            assertThat(json.json().containsKey("data")).isFalse();
            Http.Answer graphql = acme.send(HttpRequest.newBuilder(server.base().resolve("api/graphql")).header("Content-Type", "application/json")
                    .header("Accept", "application/graphql-response+json").POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("query", abusive)))));
            assertThat(graphql.status()).isEqualTo(400);
            assertThat(graphql.contentType()).startsWith("application/graphql-response+json");
        }
    }

    @Test
    void theProtocolsRules() {
        Http acme = as.get("acme");
        Http.Answer get = acme.get("api/graphql?query=" + encode("query Q($n: String!) { collection(name: $n) { name } }") + "&variables=" + encode("{\"n\":\"own-acme\"}"));
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.json().getJsonObject("data").getJsonObject("collection").getString("name")).isEqualTo("own-acme");

        Http.Answer mutationOverGet = acme.get("api/graphql?query=" + encode("mutation { deleteCollection(name: \"own-acme\") }"));
        assertRefused(mutationOverGet, 405, "METHOD_NOT_ALLOWED");
        assertThat(mutationOverGet.headers().firstValue("Allow")).contains("POST");
        assertThat(data(acme, "{ collection(name: \"own-acme\") { name } }").getJsonObject("collection")).as("not deleted").isNotNull();

        assertRefused(acme.put("api/graphql", "{\"query\":\"{ __typename }\"}"), 405, "METHOD_NOT_ALLOWED");
        assertRefused(acme.send(HttpRequest.newBuilder(server.base().resolve("api/graphql")).header("Accept", "text/html").GET()), 406, "NOT_ACCEPTABLE");
        assertRefused(acme.post("api/graphql", "text/plain", "{\"query\":\"{ __typename }\"}"), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertRefused(acme.postJson("api/graphql", "{\"query\": \"{ __typename }\", \"query\": \"{ x }\"}"), 400, "MALFORMED_JSON");
        assertRefused(acme.postJson("api/graphql", "{\"variables\": {}}"), 400, "VALIDATION_ERROR");
        assertThat(data(acme, "{ __schema { mutationType { name } } }").getJsonObject("__schema").getJsonObject("mutationType").getString("name"))
                .as("introspection is on by default").isEqualTo("Mutation");
    }

    @Test
    void answersCarryTheDefensiveHeadersAndAreCounted() {
        Http.Answer graphql = post(as.get("acme"), "{ __typename }", Map.of());
        Http.Answer refused = post(anonymous, "{ __typename }", Map.of());
        DefensiveHeaders.VALUES.forEach((header, value) -> {
            assertThat(graphql.headers().firstValue(header)).as(header).hasValue(value);
            assertThat(refused.headers().firstValue(header)).as(header + " on a refusal").hasValue(value);
        });
        assertThat(anonymous.get("metrics?scope=application").body())
                .containsPattern("vectorizer_requests_seconds_count\\{[^}]*operation=\"GraphQLServlet.post\"[^}]*status=\"200\"")
                .containsPattern("vectorizer_requests_seconds_count\\{[^}]*operation=\"GraphQLServlet.post\"[^}]*status=\"401\"");
    }

    /** graphql-http's server audits (npm), with a READ_ONLY key: every MUST and every SHOULD passes. */
    @Test
    void graphqlOverHttpConformance() throws Exception {
        List<JsonObject> audits = GraphQLConformance.audit(server.base().resolve("api/graphql"), issueKey("acme", "READ_ONLY"));
        assertThat(audits).hasSizeGreaterThan(50);
        assertThat(audits).filteredOn(a -> !a.getString("name").startsWith("MAY"))
                .allSatisfy(a -> assertThat(a.getString("status")).as(a.getString("name") + ": " + a.get("reason")).isEqualTo("ok"));
    }

    private static List<String> ids(JsonArray items) {
        return items.stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
