package dev.vectorizer.deploy;

import static dev.vectorizer.deploy.ServerOnPayaraMicroIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The edge of the HTTP API on the uber-jar: paths with any character reach JAX-RS, every vector id
 * that can be stored can be addressed, and the answers the servlet container produces itself are
 * problem documents with the security headers, never HTML; none of it logs at SEVERE, and no
 * health check failed while the server started (its readiness was polled all along).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeIT {

    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()",
            "Cache-Control", "no-store");

    /** Ids a client may store, with every character that needs care in a path. */
    private static final List<String> ODD_IDS = List.of("urn:doc:1", "a/b", "a//b", "100%", "%2F", "a b", "a+b", "a?b", "a#b",
            "a;b=c", ".", "..", "a...", "ü€😀", "a'b\"c<>{}|^`[]", "~!@$&()*,=");
    /** Ids whose path form the HTTP layer refuses before any application runs (docs/API.md): the query form only. */
    private static final List<String> QUERY_ONLY_IDS = List.of("a\\b", "\\", "C:\\Temp\\x", "...", "a/..../b");

    @AutoClose
    private ServerProcess server;
    private Http anonymous;
    private Http acme;

    @BeforeAll
    void start() throws Exception {
        Path workDir = Files.createTempDirectory("vectorizer-edge-it");
        server = new ServerProcess(workDir).start();
        anonymous = server.http();
        Http admin = anonymous.withKey(Files.readString(workDir.resolve("data/admin.key")).strip());
        assertThat(admin.postJson("api/admin/tenants", "{\"id\":\"acme\",\"name\":\"Acme\"}").status()).isEqualTo(201);
        acme = anonymous.withKey(admin.postJson("api/admin/tenants/acme/keys", "{\"permissions\":[\"READ_WRITE\"]}").json().getString("key"));
        assertThat(acme.postJson("api/collections", "{\"name\":\"docs\",\"dimension\":2}").status()).isEqualTo(201);
    }

    @AfterEach
    void nothingWasLoggedAsSevere() throws Exception {
        assertThat(server.output().lines().filter(line -> line.contains("SEVERE"))).as("SEVERE lines in the server log").isEmpty();
        assertThat(server.output().lines().filter(line -> line.contains("Exception executing HealthCheck")))
                .as("health checks that threw in the server log").isEmpty();
    }

    @Test
    void aColonInThePathReachesJaxRsRawOrEncoded() {
        assertEdgeProblem(anonymous.get("api/collections/a:b"), 401, "AUTH_MISSING_KEY");
        assertEdgeProblem(anonymous.get("api/collections/a%3Ab"), 401, "AUTH_MISSING_KEY");
        assertEdgeProblem(acme.get("api/collections/a:b"), 400, "VALIDATION_ERROR");
        assertEdgeProblem(acme.get("api/no:such:route"), 404, "NOT_FOUND");
        assertEdgeProblem(acme.send(HttpRequest.newBuilder(acme.resolve("api/collections/docs/vectors/x:y")).method("FOO", HttpRequest.BodyPublishers.noBody())),
                405, "METHOD_NOT_ALLOWED");
        assertEdgeProblem(acme.send(HttpRequest.newBuilder(acme.resolve("api/collections/a:b")).header("Accept", ";;;").GET()), 400, "VALIDATION_ERROR");
        Http.Answer head = acme.send(HttpRequest.newBuilder(acme.resolve("api/no:such:route")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.status()).isEqualTo(404);
        assertThat(head.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aVectorWithAColonInItsIdIsWrittenReadAndDeletedByItsPath() {
        assertThat(acme.put("api/collections/docs/vectors/urn:doc:1", "{\"vector\":[1,0],\"payload\":{\"n\":1}}").status()).isEqualTo(200);
        Http.Answer read = acme.get("api/collections/docs/vectors/urn%3Adoc%3A1");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().getString("id")).isEqualTo("urn:doc:1");
        assertThat(read.json().getJsonObject("payload").getInt("n")).isEqualTo(1);
        assertThat(acme.delete("api/collections/docs/vectors/urn:doc:1").status()).isEqualTo(204);
        assertEdgeProblem(acme.get("api/collections/docs/vectors/urn:doc:1"), 404, "NOT_FOUND");
    }

    /** docs/API.md, "Addressing a vector": percent-encode the id as a path segment, or give it as {@code ?id=}. */
    @Test
    void everyIdThatCanBeStoredCanBeAddressed() {
        List<String> all = Stream.concat(ODD_IDS.stream(), QUERY_ONLY_IDS.stream()).toList();
        JsonArrayBuilder vectors = Json.createArrayBuilder();
        all.forEach(id -> vectors.add(Json.createObjectBuilder().add("id", id).add("vector", Json.createArrayBuilder().add(1).add(0))));
        assertThat(acme.postJson("api/collections/docs/vectors", Json.createObjectBuilder().add("vectors", vectors).build().toString()).json()
                .getInt("upserted")).isEqualTo(all.size());

        for (String id : ODD_IDS) {
            Http.Answer byPath = acme.get("api/collections/docs/vectors/" + percentEncoded(id));
            assertThat(byPath.status()).as(id).isEqualTo(200);
            assertThat(byPath.json().getString("id")).isEqualTo(id);
        }
        for (String id : all) {
            assertThat(acme.get("api/collections/docs/vectors?id=" + percentEncoded(id)).json().getString("id")).as(id).isEqualTo(id);
            assertThat(acme.put("api/collections/docs/vectors?id=" + percentEncoded(id), "{\"vector\":[0,1]}").status()).as(id).isEqualTo(200);
            assertThat(acme.delete("api/collections/docs/vectors?id=" + percentEncoded(id)).status()).as(id).isEqualTo(204);
            assertEdgeProblem(acme.get("api/collections/docs/vectors?id=" + percentEncoded(id)), 404, "NOT_FOUND");
        }
    }

    @Test
    void theIdQueryParameterIsGivenOnceAndNotEmpty() {
        assertEdgeProblem(acme.get("api/collections/docs/vectors?id="), 400, "VALIDATION_ERROR");
        assertEdgeProblem(acme.get("api/collections/docs/vectors?id=a&id=b"), 400, "VALIDATION_ERROR");
        assertEdgeProblem(acme.get("api/collections/no-such/vectors?id=a"), 404, "NOT_FOUND");
    }

    @Test
    void aRequestWithoutContentTypeIsAProblem() {
        Http.Answer answer = acme.send(HttpRequest.newBuilder(acme.resolve("api/collections"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"dimension\":2}")));
        assertEdgeProblem(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertEdgeProblem(acme.send(HttpRequest.newBuilder(acme.resolve("api/collections/docs/vectors/a"))
                .PUT(HttpRequest.BodyPublishers.noBody())), 400, "MALFORMED_JSON");
    }

    @Test
    void anUnknownMethodIsAProblemWithTheAllowedOnes() {
        Http.Answer answer = acme.send(HttpRequest.newBuilder(acme.resolve("api/collections")).method("FOO", HttpRequest.BodyPublishers.noBody()));
        assertEdgeProblem(answer, 405, "METHOD_NOT_ALLOWED");
        assertThat(answer.headers().firstValue("Allow").orElseThrow()).contains("GET", "POST");
        assertEdgeProblem(acme.send(HttpRequest.newBuilder(acme.resolve("api/info")).method("PROPFIND", HttpRequest.BodyPublishers.noBody())),
                405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void optionsListsTheAllowedMethodsAndDescribesNothingElse() {
        Http.Answer answer = acme.send(HttpRequest.newBuilder(acme.resolve("api/collections/docs")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Allow").orElseThrow()).contains("GET", "DELETE");
        assertThat(answer.contentType()).doesNotContain("xml");
        assertThat(acme.get("application.wadl").status()).isEqualTo(404);
    }

    /** The runtime's endpoints live in the same web application; their refusals are problems too. */
    @Test
    void theRuntimeEndpointsRefuseUnknownMethodsWithAProblem() {
        assertEdgeProblem(anonymous.send(HttpRequest.newBuilder(anonymous.resolve("metrics")).method("FOO", HttpRequest.BodyPublishers.noBody())),
                405, "METHOD_NOT_ALLOWED");
        assertEdgeProblem(anonymous.send(HttpRequest.newBuilder(anonymous.resolve("health/ready")).method("FOO", HttpRequest.BodyPublishers.noBody())),
                405, "METHOD_NOT_ALLOWED");
        assertEdgeProblem(anonymous.send(HttpRequest.newBuilder(anonymous.resolve("metrics")).DELETE()), 405, "METHOD_NOT_ALLOWED");
        assertThat(anonymous.get("health/ready").status()).isEqualTo(200);
    }

    /** Headers that JAX-RS cannot even parse are refused by the container's error page, not an HTML page. */
    @Test
    void theContainersOwnAnswersAreProblems() {
        assertEdgeProblem(acme.send(HttpRequest.newBuilder(acme.resolve("api/collections")).header("Accept", ";;;").GET()),
                400, "VALIDATION_ERROR");
        assertEdgeProblem(acme.send(HttpRequest.newBuilder(acme.resolve("api/collections")).header("Accept", "application/json;q=abc").GET()),
                400, "VALIDATION_ERROR");
        assertEdgeProblem(acme.post("api/collections", ";;;===", "{}"), 400, "VALIDATION_ERROR");
        assertEdgeProblem(anonymous.get(".container-error"), 404, "NOT_FOUND");
    }

    @Test
    void pathsWithDotSegmentsAndEncodedSlashesStayInsideTheApi() {
        assertEdgeProblem(acme.get("api/collections/docs/vectors/%2e%2e/%2e%2e"), 404, "NOT_FOUND");
        assertEdgeProblem(acme.get("api/collections/..%2F..%2Fadmin%2Ftenants"), 400, "VALIDATION_ERROR");
        assertEdgeProblem(acme.get("api/collections/%2e%2e%2fadmin"), 400, "VALIDATION_ERROR");
    }

    private static void assertEdgeProblem(Http.Answer answer, int status, String errorType) {
        assertProblem(answer, status, errorType);
        SECURITY_HEADERS.forEach((name, value) -> assertThat(answer.headers().firstValue(name)).as(name).hasValue(value));
    }

    /** The id as one path segment (or query value): every byte of its UTF-8 form but ALPHA / DIGIT / - _ ~ percent-encoded. */
    private static String percentEncoded(String id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            if (Character.isLetterOrDigit(b) && b > 0 || b == '-' || b == '_' || b == '~') {
                out.write(b);
            } else {
                out.writeBytes(String.format("%%%02X", b & 0xff).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
