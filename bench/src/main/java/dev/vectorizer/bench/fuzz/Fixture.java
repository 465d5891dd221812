package dev.vectorizer.bench.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the fuzzer sets up before it starts, with valid requests: a tenant with READ_WRITE, READ_ONLY,
 * ADMIN and MCP keys, collections of each kind holding a few vectors and a text, a ready backup of
 * them (and its archive), an MCP session, and victim tenants with
 * keys of their own — the only tenants and keys that fuzzed admin requests may suspend, rotate,
 * revoke or delete, so that the fuzzing tenant keeps working to the end.
 */
final class Fixture {

    static final String TENANT = "fuzz";
    /** Collection name and dimension: float cosine, int8 cosine, dot product, and the text collection (in this order). */
    static final Map<String, Integer> COLLECTIONS = Collections.unmodifiableMap(new TreeMap<>(Map.of("fz", 4, "fzq", 4, "fzd", 4, "txt", 384)));
    static final List<String> VICTIMS = List.of("victim-1", "victim-2");

    final String host;
    final String adminKey;
    final String readWriteKey;
    final String readOnlyKey;
    /** The fuzzing tenant's ADMIN key: restores and backup deletions (used for nothing that could delete its collections). */
    final String ownerKey;
    /** A key with the MCP permission only (so no MCP call can delete a collection). */
    final String mcpKey;
    final List<String> victimKeyIds = new ArrayList<>();
    /** A ready backup of the fuzzing tenant's collections, and its archive. */
    final String backupId;
    final byte[] archive;
    /** An initialized MCP session of {@link #mcpKey}. */
    final String mcpSession;

    private final RawHttp http;

    private Fixture(RawHttp http, String host, String adminKey) {
        this.http = http;
        this.host = host;
        this.adminKey = adminKey;
        call("POST", "/api/admin/tenants", adminKey, "{\"id\":\"" + TENANT + "\",\"name\":\"Fuzzing\"}");
        readWriteKey = issueKey(TENANT, "READ_WRITE").getString("key");
        readOnlyKey = issueKey(TENANT, "READ_ONLY").getString("key");
        ownerKey = issueKey(TENANT, "ADMIN").getString("key");
        mcpKey = issueKey(TENANT, "MCP").getString("key");
        for (String victim : VICTIMS) {
            call("POST", "/api/admin/tenants", adminKey, "{\"id\":\"" + victim + "\",\"name\":\"Victim\"}");
            victimKeyIds.add(issueKey(victim, "READ_WRITE").getString("id"));
        }
        collection("fz", "{\"name\":\"fz\",\"dimension\":4,\"metric\":\"cosine\"}");
        collection("fzq", "{\"name\":\"fzq\",\"dimension\":4,\"metric\":\"cosine\",\"quantization\":\"int8\"}");
        collection("fzd", "{\"name\":\"fzd\",\"dimension\":4,\"metric\":\"dot_product\"}");
        collection("txt", "{\"name\":\"txt\",\"dimension\":384,\"embedding_model\":\"all-minilm-l6-v2\"}");
        call("POST", "/api/collections/txt/insert_text", readWriteKey,
                "{\"id\":\"doc0\",\"text\":\"Cats are small domesticated felines. Compilers check ownership.\",\"payload\":{\"color\":\"red\"}}");
        backupId = call("POST", "/api/hub/backups", readWriteKey, "{\"name\":\"fuzz\"}").getString("id");
        archive = readyArchive();
        mcpSession = mcpSession();
        // the runtime builds its OpenAPI document on the first request, which takes seconds: not during the run
        http.exchange(new Message("GET", "/openapi").header("Host", host).header("Connection", "close").bytes(), false);
    }

    /** Waits (at most a minute) for the fixture's backup to be ready and downloads its archive. */
    private byte[] readyArchive() {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!call("GET", "/api/hub/backups/" + backupId, readWriteKey, null).getString("status").equals("ready")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("fuzzer setup: backup " + backupId + " not ready within a minute");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        RawHttp.Answer download = http.exchange(new Message("GET", "/api/hub/backups/" + backupId + "/download").header("Host", host)
                .header("Authorization", "Bearer " + readWriteKey).header("Connection", "close").bytes(), false);
        if (download.status() != 200) {
            throw new IllegalStateException("fuzzer setup: the backup's download answered " + download.statusLine());
        }
        return download.body();
    }

    /** Opens an MCP session (initialize, then the initialized notification) and gives its id. */
    private String mcpSession() {
        RawHttp.Answer initialized = http.exchange(mcp(McpRequests.INITIALIZE, null).bytes(), false);
        String session = initialized.header("Mcp-Session-Id")
                .orElseThrow(() -> new IllegalStateException("fuzzer setup: MCP initialize answered " + initialized.statusLine() + " "
                        + initialized.bodyText()));
        http.exchange(mcp("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", session).bytes(), false);
        return session;
    }

    /** A valid MCP POST of {@code json}, in {@code session} if not null. */
    Message mcp(String json, String session) {
        Message message = new Message("POST", "/mcp").header("Host", host).header("Authorization", "Bearer " + mcpKey)
                .header("Accept", "application/json, text/event-stream").header("Content-Type", "application/json");
        if (session != null) {
            message.header("Mcp-Session-Id", session);
        }
        return message.header("Connection", "close").body(json);
    }

    /** Sets everything up through {@code http}, as the installation administrator. */
    static Fixture create(RawHttp http, String host, String adminKey) {
        return new Fixture(http, host, adminKey);
    }

    /** The request as text, with what the server chose (keys, key ids, its port) replaced by placeholders. */
    String canonical(FuzzRequest request) {
        if (request.target().startsWith("/api/hub/backups/upload")) { // the archive holds what the server chose (times, random ids)
            return request.mutation() + " " + request.method() + " " + request.target();
        }
        String text = new String(request.bytes(), StandardCharsets.ISO_8859_1).replace(host, "<host>");
        for (String chosen : chosenByTheServer()) { // whole, or with the last character changed (a wrong secret)
            text = text.replace(chosen, "<chosen by the server>").replace(chosen.substring(0, chosen.length() - 1), "<chosen by the server, cut>");
        }
        return text;
    }

    private List<String> chosenByTheServer() {
        List<String> chosen = new ArrayList<>(List.of(adminKey, readWriteKey, readOnlyKey, ownerKey, mcpKey, backupId, mcpSession));
        chosen.addAll(victimKeyIds);
        return chosen;
    }

    private void collection(String name, String definition) {
        call("POST", "/api/collections", readWriteKey, definition);
        if (COLLECTIONS.get(name) == 4) {
            StringBuilder vectors = new StringBuilder("{\"vectors\":[");
            for (int i = 0; i < 10; i++) {
                vectors.append(i == 0 ? "" : ",").append("{\"id\":\"v").append(i).append("\",\"vector\":[").append(1 + i).append(",")
                        .append(i % 3).append(",0.5,").append(-i).append("],\"payload\":{\"color\":\"").append(i % 2 == 0 ? "red" : "blue")
                        .append("\",\"price\":").append(i).append(",\"tags\":[\"a\"]}}");
            }
            call("POST", "/api/collections/" + name + "/vectors", readWriteKey, vectors.append("]}").toString());
        }
    }

    private JsonObject issueKey(String tenant, String permission) {
        return call("POST", "/api/admin/tenants/" + tenant + "/keys", adminKey, "{\"permissions\":[\"" + permission + "\"]}");
    }

    private JsonObject call(String method, String path, String key, String json) {
        Message request = new Message(method, path).header("Host", host).header("Authorization", "Bearer " + key).header("Connection", "close");
        if (json != null) {
            request.header("Content-Type", "application/json").body(json);
        }
        RawHttp.Answer answer = http.exchange(request.bytes(), false);
        if (answer.status() / 100 != 2) {
            throw new IllegalStateException("fuzzer setup: " + method + " " + path + " answered " + answer.statusLine() + " " + answer.bodyText());
        }
        try (JsonReader reader = Json.createReader(new StringReader(answer.bodyText()))) {
            return reader.readObject();
        }
    }
}
