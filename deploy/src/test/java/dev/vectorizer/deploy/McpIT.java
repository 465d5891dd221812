package dev.vectorizer.deploy;

import static dev.vectorizer.deploy.ServerOnPayaraMicroIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The MCP server end to end, through the official Java SDK's client over Streamable HTTP against
 * the uber-jar: the tools and their schemas, every tool's call (its answer the REST API's JSON),
 * errors as tool errors with REST's error types, the credential checks on every HTTP request,
 * sessions bound to the credential that opened them, and no tool reaching another tenant's data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpIT {

    private static final List<String> TOOLS = List.of("list_collections", "create_collection", "get_collection_info", "get_collection_stats",
            "delete_collection", "insert_text", "insert_vectors", "get_vector", "update_vector", "delete_vector", "search",
            "search_hybrid", "embed_text");
    private static final String ALLOWED_ORIGIN = "http://localhost:6274";
    static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},\
            "clientInfo":{"name":"McpIT","version":"1"}}}""";
    private static final String LIST_TOOLS = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    private ServerProcess server;
    private Http anonymous;
    private Http admin;
    private final Map<String, String> keys = new HashMap<>();
    private final List<McpSyncClient> clients = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Path workDir = Files.createTempDirectory("vectorizer-mcp-it");
        server = new ServerProcess(workDir, "-Dvectorizer.auth.brute-force.max-failures=1000",
                "-Dvectorizer.mcp.allowed-origins=" + ALLOWED_ORIGIN).start();
        anonymous = server.http();
        admin = anonymous.withKey(Files.readString(workDir.resolve("data/admin.key")).strip());
        for (String tenant : List.of("acme", "globex")) {
            assertThat(admin.postJson("api/admin/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"" + tenant + "\"}").status()).isEqualTo(201);
            for (String permission : List.of("MCP", "ADMIN", "READ_WRITE")) {
                Http.Answer issued = admin.postJson("api/admin/tenants/" + tenant + "/keys", "{\"permissions\":[\"" + permission + "\"]}");
                keys.put(tenant + "/" + permission, issued.json().getString("key"));
            }
        }
        McpSyncClient acme = client("acme/MCP");
        assertThat(call(acme, "create_collection", Map.of("name", "secrets", "dimension", 3)).isError()).isFalse();
        assertThat(call(acme, "insert_vectors", Map.of("collection", "secrets", "vectors",
                List.of(Map.of("id", "s1", "vector", List.of(1, 0, 0), "payload", Map.of("owner", "acme")))))
                .isError()).isFalse();
    }

    @AfterAll
    void stop() {
        clients.forEach(McpSyncClient::closeGracefully);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void listsEveryToolWithSchemasAndDescriptions() {
        List<McpSchema.Tool> tools = client("acme/MCP").listTools().tools();

        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(TOOLS);
        assertThat(tools).allSatisfy(tool -> {
            assertThat(tool.description()).isNotBlank();
            assertThat(tool.inputSchema()).containsEntry("type", "object");
            assertThat(tool.outputSchema()).containsEntry("type", "object");
            assertThat(tool.annotations().readOnlyHint()).isEqualTo(tool.name().matches("list_.*|get_.*|search.*|embed_text"));
        });
        assertThat(tools).filteredOn(t -> !t.name().equals("list_collections") && !t.name().equals("embed_text")
                && !t.name().equals("create_collection")).allSatisfy(t -> assertThat(t.inputSchema().get("required")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("collection"));
    }

    /** Each tool through the SDK's client; what they write, REST reads, and their answers are REST's JSON. */
    @Test
    void everyToolDoesWhatItsRestRouteDoes() {
        McpSyncClient mcp = client("acme/ADMIN");
        Http rest = anonymous.withKey(keys.get("acme/ADMIN"));

        assertThat(ok(mcp, "create_collection", Map.of("name", "docs", "dimension", 384, "embedding_model", "all-minilm-l6-v2")))
                .containsEntry("name", "docs").containsEntry("dimension", 384).containsEntry("metric", "cosine");
        assertThat(text(mcp, "get_collection_info", Map.of("collection", "docs"))).isEqualTo(rest.get("api/collections/docs").body());
        assertThat(text(mcp, "list_collections", Map.of())).isEqualTo(rest.get("api/collections").body());

        List<Double> unit = unitVector(0);
        assertThat(ok(mcp, "insert_vectors", Map.of("collection", "docs", "vectors",
                List.of(Map.of("id", "v1", "vector", unit, "payload", Map.of("color", "red")))))).isEqualTo(Map.of("upserted", 1));
        assertThat(rest.get("api/collections/docs/vectors/v1").json().getJsonObject("payload").getString("color")).isEqualTo("red");
        assertThat(ok(mcp, "update_vector", Map.of("collection", "docs", "id", "v1", "vector", unitVector(1), "payload", Map.of("color", "blue"))))
                .isEqualTo(Map.of("upserted", 1));
        assertThat(text(mcp, "get_vector", Map.of("collection", "docs", "id", "v1"))).isEqualTo(rest.get("api/collections/docs/vectors/v1").body());

        assertThat(ok(mcp, "insert_text", Map.of("collection", "docs", "id", "cats", "text", "Cats are small domesticated felines that purr.")))
                .isEqualTo(Map.of("ids", List.of("cats#0")));
        assertThat(hitIds(ok(mcp, "search", Map.of("collection", "docs", "text", "kittens purring", "limit", 1)))).containsExactly("cats#0");
        assertThat(hitIds(ok(mcp, "search", Map.of("collection", "docs", "vector", unitVector(1), "limit", 1,
                "filter", Map.of("must", List.of(Map.of("key", "color", "match", "blue"))))))).containsExactly("v1");
        String hybrid = "{\"collection\":\"docs\",\"text\":\"felines\",\"limit\":2}";
        assertThat(text(mcp, "search_hybrid", Map.of("collection", "docs", "text", "felines", "limit", 2)))
                .isEqualTo(rest.postJson("api/collections/docs/search/hybrid", hybrid).body());
        Map<String, Object> embedded = ok(mcp, "embed_text", Map.of("texts", List.of("hello", "world")));
        assertThat(embedded).containsEntry("model", "all-minilm-l6-v2").containsEntry("dimension", 384);
        assertThat((List<?>) embedded.get("embeddings")).hasSize(2);

        assertThat(ok(mcp, "get_collection_stats", Map.of("collection", "docs"))).containsEntry("name", "docs").containsEntry("vector_count", 2);
        assertThat(ok(mcp, "delete_vector", Map.of("collection", "docs", "id", "v1"))).isEqualTo(Map.of("deleted", 1));
        assertProblem(rest.get("api/collections/docs/vectors/v1"), 404, "NOT_FOUND");
        assertThat(ok(mcp, "delete_collection", Map.of("collection", "docs"))).isEqualTo(Map.of("name", "docs", "deleted", true));
        assertProblem(rest.get("api/collections/docs"), 404, "NOT_FOUND");
    }

    /** Refusals are tool errors carrying REST's problem document; the session goes on working after them. */
    @Test
    void errorsAreToolErrorsWithRestsErrorTypes() {
        McpSyncClient mcp = client("acme/MCP");
        assertToolError(call(mcp, "get_collection_info", Map.of("collection", "nope")), "NOT_FOUND", "collection 'nope' not found");
        assertToolError(call(mcp, "get_collection_info", Map.of()), "VALIDATION_ERROR", "'collection' is required");
        assertToolError(call(mcp, "insert_vectors", Map.of("collection", "secrets", "vectors", List.of(Map.of("id", "x", "vector", List.of(1, 2))))),
                "VALIDATION_ERROR", "dimension");
        assertToolError(call(mcp, "search", Map.of("collection", "secrets", "vector", List.of(1, 0, 0), "text", "both")),
                "VALIDATION_ERROR", "give either 'vector' or 'text'");
        assertToolError(call(mcp, "create_collection", Map.of("name", "secrets", "dimension", 3)), "CONFLICT", "secrets");
        assertToolError(call(mcp, "delete_vector", Map.of("collection", "secrets", "id", "ghost")), "NOT_FOUND", "ghost");
        // An MCP key reads and writes but, as on REST, may not delete collections.
        assertToolError(call(mcp, "delete_collection", Map.of("collection", "secrets")), "FORBIDDEN", "delete collection");

        assertThat(ok(mcp, "get_collection_stats", Map.of("collection", "secrets"))).containsEntry("vector_count", 1);
    }

    @Test
    void everyHttpRequestIsAuthenticatedAndAdmitted() {
        Http.Answer missing = mcpPost(anonymous, INITIALIZE, Map.of());
        assertProblem(missing, 401, "AUTH_MISSING_KEY");
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertProblem(mcpPost(anonymous.withKey("hh_live_" + "A".repeat(40)), INITIALIZE, Map.of()), 401, "AUTH_INVALID_KEY");
        assertProblem(mcpPost(anonymous.withKey(keys.get("acme/READ_WRITE")), INITIALIZE, Map.of()), 403, "FORBIDDEN");
        assertProblem(mcpPost(admin, INITIALIZE, Map.of()), 403, "FORBIDDEN");

        Http acme = anonymous.withKey(keys.get("acme/MCP"));
        assertProblem(mcpPost(acme, INITIALIZE, Map.of("Origin", "http://evil.example")), 403, "FORBIDDEN");
        Http.Answer admitted = mcpPost(acme, INITIALIZE, Map.of("Origin", ALLOWED_ORIGIN));
        assertThat(admitted.status()).isEqualTo(200);
        assertThat(admitted.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(admitted.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        Http.Answer put = acme.send(HttpRequest.newBuilder(acme.resolve("mcp")).PUT(HttpRequest.BodyPublishers.noBody()));
        assertProblem(put, 405, "METHOD_NOT_ALLOWED");
        assertThat(put.headers().firstValue("Allow")).hasValue("POST, DELETE");
        assertProblem(acme.send(HttpRequest.newBuilder(acme.resolve("mcp")).header("Accept", "text/event-stream")), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void aSessionServesOnlyTheCredentialThatOpenedIt() {
        Http acme = anonymous.withKey(keys.get("acme/MCP"));
        String session = mcpPost(acme, INITIALIZE, Map.of()).headers().firstValue("Mcp-Session-Id").orElseThrow();
        Map<String, String> inSession = Map.of("Mcp-Session-Id", session);

        assertThat(mcpPost(acme, LIST_TOOLS, inSession).status()).isEqualTo(200);
        Http globex = anonymous.withKey(keys.get("globex/MCP"));
        Http.Answer otherTenant = mcpPost(globex, LIST_TOOLS, inSession);
        Http.Answer unknown = mcpPost(globex, LIST_TOOLS, Map.of("Mcp-Session-Id", "no-such-session"));
        assertProblem(otherTenant, 404, "NOT_FOUND");
        assertThat(otherTenant.body()).as("another's session reads like none").isEqualTo(unknown.body());
        assertProblem(mcpPost(anonymous.withKey(keys.get("acme/ADMIN")), LIST_TOOLS, inSession), 404, "NOT_FOUND");
        assertProblem(globex.send(HttpRequest.newBuilder(globex.resolve("mcp")).header("Mcp-Session-Id", session).DELETE()), 404, "NOT_FOUND");

        assertThat(mcpPost(acme, LIST_TOOLS, inSession).status()).as("untouched by those attempts").isEqualTo(200);
        assertThat(acme.send(HttpRequest.newBuilder(acme.resolve("mcp")).header("Mcp-Session-Id", session).DELETE()).status()).isEqualTo(200);
        assertProblem(mcpPost(acme, LIST_TOOLS, inSession), 404, "NOT_FOUND");
    }

    /**
     * What the SDK's transport answered with a 500 (the fuzzer found them): a response to a request this
     * server never sent, a tool's arguments that are not an object, and the client's roots changing,
     * after which the SDK asked for the roots over a stream that does not exist; and a body declared in
     * a charset other than UTF-8, which the transport decoded in that charset (or failed on), a member
     * name longer than the SDK's JSON reader took, and a byte order mark, which it did not take either.
     */
    @Test
    void messagesTheServerDoesNotExpectAreRefusedOrAcknowledged() {
        Http acme = anonymous.withKey(keys.get("acme/MCP"));
        String session = mcpPost(acme, INITIALIZE, Map.of()).headers().firstValue("Mcp-Session-Id").orElseThrow();
        Map<String, String> inSession = Map.of("Mcp-Session-Id", session);

        Http.Answer roots = mcpPost(acme, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/roots/list_changed\"}", inSession);
        assertThat(roots.status()).isEqualTo(202);
        assertThat(roots.body()).isEmpty();
        for (String response : List.of("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}",
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32600,\"message\":\"x\"}}")) {
            Http.Answer answer = mcpPost(acme, response, inSession);
            assertThat(answer.status()).as(response).isEqualTo(400);
            assertThat(answer.json().getJsonObject("error").getInt("code")).isEqualTo(-32600);
        }
        Http.Answer arguments = mcpPost(acme, "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"name\":\"search\",\"arguments\":1.5}}",
                inSession);
        assertThat(arguments.status()).isEqualTo(400);
        assertThat(arguments.json().getInt("id")).isEqualTo(8);
        assertThat(arguments.json().getJsonObject("error").getInt("code")).isEqualTo(-32602);

        for (String contentType : List.of("application/json; charset=iso-8859-1", "application/json; charset=nope", "text/plain")) {
            Http.Answer declared = acme.send(HttpRequest.newBuilder(acme.resolve("mcp")).header("Content-Type", contentType)
                    .header("Accept", "application/json, text/event-stream").header("Mcp-Session-Id", session)
                    .POST(HttpRequest.BodyPublishers.ofString(LIST_TOOLS)));
            assertProblem(declared, 415, "UNSUPPORTED_MEDIA_TYPE");
        }

        String longName = "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/list\",\"params\":{\"" + "k".repeat(60_000) + "\":1}}";
        assertThat(mcpPost(acme, longName, inSession).status()).as("a member name longer than Jackson's default limit").isEqualTo(200);
        assertThat(mcpPost(acme, "\uFEFF" + LIST_TOOLS, inSession).status()).as("a byte order mark first").isEqualTo(200);

        assertThat(mcpPost(acme, LIST_TOOLS, inSession).status()).as("the session goes on").isEqualTo(200);
    }

    /** Every tool that names a collection, aimed at another tenant's, answers exactly as for a missing one. */
    @Test
    void noToolReachesAnotherTenantsData() {
        McpSyncClient globex = client("globex/ADMIN");
        Map<String, Map<String, Object>> probes = new HashMap<>();
        probes.put("get_collection_info", Map.of());
        probes.put("get_collection_stats", Map.of());
        probes.put("delete_collection", Map.of());
        probes.put("insert_text", Map.of("id", "t", "text", "hello"));
        probes.put("insert_vectors", Map.of("vectors", List.of(Map.of("id", "s1", "vector", List.of(0, 1, 0)))));
        probes.put("get_vector", Map.of("id", "s1"));
        probes.put("update_vector", Map.of("id", "s1", "vector", List.of(0, 1, 0)));
        probes.put("delete_vector", Map.of("id", "s1"));
        probes.put("search", Map.of("vector", List.of(1, 0, 0)));
        probes.put("search_hybrid", Map.of("text", "acme"));
        assertThat(probes.keySet()).containsAll(TOOLS.stream().filter(t -> !List.of("list_collections", "create_collection", "embed_text").contains(t)).toList());

        probes.forEach((tool, arguments) -> {
            McpSchema.CallToolResult probed = call(globex, tool, with(arguments, "collection", "secrets"));
            McpSchema.CallToolResult missing = call(globex, tool, with(arguments, "collection", "absent"));
            assertToolError(probed, "NOT_FOUND", "not found");
            assertThat(errorText(probed).replace("secrets", "?")).as(tool).isEqualTo(errorText(missing).replace("absent", "?"));
        });
        assertThat(ok(globex, "list_collections", Map.of())).isEqualTo(Map.of("collections", List.of()));
        assertThat(ok(globex, "create_collection", Map.of("name", "secrets", "dimension", 2))).containsEntry("dimension", 2);

        McpSyncClient acme = client("acme/MCP");
        assertThat(ok(acme, "get_collection_info", Map.of("collection", "secrets"))).containsEntry("dimension", 3).containsEntry("vector_count", 1);
        assertThat(ok(acme, "get_vector", Map.of("collection", "secrets", "id", "s1"))).containsEntry("payload", Map.of("owner", "acme"));
    }

    /**
     * The official TypeScript SDK's client (from npm, as CI installs it: Node 20 and npm are needed)
     * connects, lists the tools, calls each, and finds no way into another tenant's data.
     */
    @Test
    void theTypeScriptSdkClientAgrees() throws Exception {
        Path client = Path.of("target", "mcp-client");
        Files.createDirectories(client);
        for (String file : List.of("package.json", "package-lock.json", "check.mjs")) {
            Files.copy(Path.of("src", "test", "mcp-client", file), client.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        run(client, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
        String output = run(client, Map.of("MCP_URL", server.base().resolve("mcp").toString(),
                "KEY_A", keys.get("acme/ADMIN"), "KEY_B", keys.get("globex/ADMIN")), "node", "check.mjs");
        assertThat(output).contains("5 passed, 0 failed");
    }

    /** Runs a command to its end (at most five minutes) and gives its output; fails unless it exits with 0. */
    private static String run(Path directory, Map<String, String> environment, String... command) throws Exception {
        Path log = directory.resolve(command[0] + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("McpIT runs the TypeScript MCP SDK client: it needs Node.js 20+ and npm on the PATH (" + e.getMessage() + ")", e);
        }
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(ended && process.exitValue() == 0).as(String.join(" ", command) + ":\n" + output).isTrue();
        return output;
    }

    private McpSyncClient client(String key) {
        McpSyncClient client = connect(server, keys.get(key));
        clients.add(client);
        return client;
    }

    /** The SDK's client, initialized, acting with {@code apiKey}; the caller closes it. */
    static McpSyncClient connect(ServerProcess server, String apiKey) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(server.base().toString()).endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + apiKey)).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        return client;
    }

    static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ok(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(client, tool, arguments);
        assertThat(result.isError()).as(tool + ": " + result.content()).isFalse();
        return (Map<String, Object>) result.structuredContent();
    }

    /** The tool's answer as JSON text, which is the REST answer's body. */
    private static String text(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(client, tool, arguments);
        assertThat(result.isError()).as(tool).isFalse();
        return ((McpSchema.TextContent) result.content().getFirst()).text();
    }

    static String errorText(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().getFirst()).text();
    }

    private static void assertToolError(McpSchema.CallToolResult result, String errorType, String detailPart) {
        assertThat(result.isError()).as(String.valueOf(result.content())).isTrue();
        JsonObject problem = Json.createReader(new StringReader(errorText(result))).readObject();
        assertThat(problem.getString("error_type")).isEqualTo(errorType);
        assertThat(problem.getString("detail")).contains(detailPart);
        assertThat(result.structuredContent()).as("errors carry no answer").isNull();
    }

    private static List<Object> hitIds(Map<String, Object> results) {
        return ((List<?>) results.get("results")).stream().map(hit -> ((Map<?, ?>) hit).get("id")).map(Object.class::cast).toList();
    }

    private static List<Double> unitVector(int axis) {
        List<Double> vector = new ArrayList<>(Collections.nCopies(384, 0.0));
        vector.set(axis, 1.0);
        return vector;
    }

    private static Map<String, Object> with(Map<String, Object> arguments, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(arguments);
        copy.put(key, value);
        return copy;
    }

    /** A raw Streamable HTTP POST (for what the SDK's client does not let a caller do: reuse a session id, send an Origin). */
    static Http.Answer mcpPost(Http http, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.resolve("mcp")).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request);
    }
}
