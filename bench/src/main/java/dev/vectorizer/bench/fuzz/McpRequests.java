package dev.vectorizer.bench.fuzz;

import static dev.vectorizer.bench.fuzz.JsonTree.arr;
import static dev.vectorizer.bench.fuzz.JsonTree.obj;

import dev.vectorizer.bench.fuzz.FuzzRequest.Family;
import dev.vectorizer.bench.fuzz.JsonTree.Obj;
import java.util.List;
import java.util.Random;

/**
 * Requests to MCP's Streamable HTTP transport ({@code /mcp}, docs/MCP.md), in the fixture's session,
 * each valid with one thing broken (or, one time in ten, nothing): the JSON-RPC message (not JSON, a
 * batch, wrong {@code jsonrpc}, {@code id} or {@code params}, an unknown method), a tool call's
 * arguments (every tool, values mutated) or name, the session header (missing, unknown, doubled,
 * odd; a non-ASCII header is the HTTP layer's case), the method, Accept, Content-Type or the credential. The key has the MCP permission only, so
 * no call can delete a collection; created collections are scratch ones.
 */
final class McpRequests {

    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzzer\",\"version\":\"1\"}}}";

    private final Fixture fixture;
    private final Random random;

    McpRequests(Fixture fixture, Random random) {
        this.fixture = fixture;
        this.random = random;
    }

    /** A tool call with valid arguments. */
    private Obj toolCall() {
        String c = Oddities.pick(random, List.of("fz", "fzq", "fzd", "nope"));
        String scratch = "scratch-" + random.nextInt(50);
        List<Object> vector = arr(0.5, 0.1, -0.2, 1);
        return switch (random.nextInt(13)) {
            case 0 -> call("list_collections", obj());
            case 1 -> call("create_collection", obj("name", scratch, "dimension", 4, "metric", "euclidean"));
            case 2 -> call("get_collection_info", obj("collection", c));
            case 3 -> call("get_collection_stats", obj("collection", c));
            case 4 -> call("delete_collection", obj("collection", scratch)); // FORBIDDEN for an MCP key
            case 5 -> call("insert_vectors", obj("collection", c, "vectors", arr(obj("id", "m" + random.nextInt(10), "vector", vector,
                    "payload", obj("color", "red")))));
            case 6 -> call("get_vector", obj("collection", c, "id", "v" + random.nextInt(12)));
            case 7 -> call("update_vector", obj("collection", c, "id", "m" + random.nextInt(10), "vector", vector, "payload", obj("color", "blue")));
            case 8 -> call("delete_vector", obj("collection", c, "id", "m" + random.nextInt(10)));
            case 9 -> call("insert_text", obj("collection", "txt", "id", "doc" + random.nextInt(3), "text", "Cats are small felines."));
            case 10 -> call("search", obj("collection", c, "vector", vector, "limit", 3, "filter", obj("must", arr(obj("key", "color", "match", "red")))));
            case 11 -> call("search_hybrid", obj("collection", "txt", "text", "felines", "fusion", "rrf", "limit", 3));
            default -> call("embed_text", obj("texts", arr("hello", "world")));
        };
    }

    private static Obj call(String tool, Obj arguments) {
        return obj("name", tool, "arguments", arguments);
    }

    private Obj validMessage() {
        int id = 2 + random.nextInt(1000);
        return switch (random.nextInt(6)) {
            case 0 -> obj("jsonrpc", "2.0", "id", id, "method", "tools/list");
            case 1 -> obj("jsonrpc", "2.0", "id", id, "method", "ping");
            default -> obj("jsonrpc", "2.0", "id", id, "method", "tools/call", "params", toolCall());
        };
    }

    FuzzRequest next() {
        Obj valid = validMessage();
        Message message = fixture.mcp(JsonTree.write(valid), fixture.mcpSession);
        String mutation;
        int roll = random.nextInt(100);
        if (roll < 10) {
            mutation = "none";
        } else if (roll < 40) {
            mutation = "JSON-RPC: values and members";
            message.body(Bodies.mutateTree(valid, random));
        } else if (roll < 50) {
            mutation = "JSON-RPC: not JSON, or too deep or long";
            message.body(Bodies.mutateText(JsonTree.write(valid), random));
        } else if (roll < 62) {
            mutation = "JSON-RPC: envelope";
            message.body(brokenEnvelope(valid));
        } else if (roll < 74) {
            mutation = "session";
            message.withoutHeader("Mcp-Session-Id");
            switch (random.nextInt(5)) {
                case 0 -> { } // none
                case 1 -> message.header("Mcp-Session-Id", Oddities.pick(random, List.of("nope", "", " ", "../x", "a".repeat(5000), "%00")));
                case 2 -> message.header("Mcp-Session-Id", fixture.mcpSession).header("Mcp-Session-Id", "other");
                case 3 -> message.body(INITIALIZE); // a second initialize, without a session: opens one
                default -> message.header("Mcp-Session-Id", fixture.mcpSession.substring(1));
            }
        } else if (roll < 82) {
            mutation = "method";
            message.method(Oddities.pick(random, List.of("GET", "DELETE", "PUT", "PATCH", "OPTIONS", "HEAD"))).withoutHeader("Mcp-Session-Id")
                    .header("Mcp-Session-Id", random.nextBoolean() ? "nope" : fixture.mcpSession.substring(1));
        } else if (roll < 90) {
            mutation = "accept or content-type";
            if (random.nextBoolean()) {
                message.withoutHeader("Accept").header("Accept", Oddities.pick(random, List.of("application/json", "text/event-stream", "text/html",
                        "*/*", ";;;")));
            } else {
                message.withoutHeader("Content-Type").header("Content-Type", Oddities.pick(random, Oddities.CONTENT_TYPES));
            }
        } else {
            mutation = "credential";
            message.withoutHeader("Authorization");
            switch (random.nextInt(4)) {
                case 0 -> { } // none
                case 1 -> message.header("Authorization", "Bearer " + fixture.readWriteKey); // no MCP permission
                case 2 -> message.header("Authorization", "Bearer " + fixture.adminKey);
                default -> message.header("Authorization", Oddities.pick(random, Oddities.CREDENTIALS));
            }
        }
        if (ApiRequests.WITHOUT_CONTENT.contains(message.method())) {
            message.withoutBody();
        }
        return FuzzRequest.of(Family.MCP, mutation, message);
    }

    private String brokenEnvelope(Obj valid) {
        return switch (random.nextInt(9)) {
            case 0 -> JsonTree.write(arr(valid, valid)); // a batch (not in the 2025-06-18 protocol)
            case 1 -> JsonTree.write(arr());
            case 2 -> JsonTree.write(obj("jsonrpc", Oddities.pick(random, List.<Object>of("1.0", 2, JsonTree.NULL)), "id", 7, "method", "tools/list"));
            case 3 -> JsonTree.write(obj("jsonrpc", "2.0", "id", Oddities.pick(random, List.<Object>of(obj(), arr(1), 1.5, true)), "method", "tools/list"));
            case 4 -> JsonTree.write(obj("jsonrpc", "2.0", "id", 7, "method", Oddities.pick(random, List.<Object>of("nope", "", 42, "tools/nope",
                    "resources/list", "prompts/get", "initialize", "notifications/cancelled"))));
            case 5 -> JsonTree.write(obj("jsonrpc", "2.0", "id", 7, "method", "tools/call", "params", Oddities.pick(random, List.<Object>of(arr(),
                    "x", obj(), obj("name", "nope"), obj("name", 1), obj("name", "search", "arguments", "x"), obj("name", "search")))));
            case 6 -> JsonTree.write(obj("jsonrpc", "2.0", "method", "tools/list")); // a notification of a request method
            case 7 -> JsonTree.write(obj("jsonrpc", "2.0", "id", 7, "result", obj())); // a response the server never asked for
            default -> JsonTree.write(obj("jsonrpc", "2.0", "id", 7, "error", obj("code", -32600, "message", "x")));
        };
    }
}
