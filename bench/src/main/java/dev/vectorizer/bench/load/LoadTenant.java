package dev.vectorizer.bench.load;

import dev.vectorizer.bench.harness.Findings;
import dev.vectorizer.bench.harness.JsonClient;
import dev.vectorizer.bench.harness.Point;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One tenant of the load: created by the administrator with a plan (one collection, its own
 * {@code max_vectors}, storage and a rate it will not reach) and a key, its collection, and the
 * ledger of what the load did to it: every insert adds exactly one vector (an upsert of a new id
 * or a one-sentence text), so the tenant must end with min(inserts tried, max_vectors) vectors,
 * exactly the acknowledged ones. Any worker thread may use it.
 */
final class LoadTenant {

    static final String COLLECTION = "docs";
    static final int DIMENSION = 384;
    private static final long MAX_STORAGE_BYTES = 64L << 20;
    private static final long RPM = 1_000_000;

    final String id;
    final int maxVectors;
    private String key;
    private final AtomicInteger sequence = new AtomicInteger();
    private final Set<String> acked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger quotaRefused = new AtomicInteger();

    LoadTenant(String id, int maxVectors) {
        this.id = id;
        this.maxVectors = maxVectors;
    }

    String key() {
        return key;
    }

    /** Creates the tenant with its plan, its key and its collection, and sees a second collection refused by the plan; throws if anything fails. */
    void setUp(JsonClient client, String adminKey, Findings findings) {
        String quota = "{\"max_collections\":1,\"max_vectors\":" + maxVectors + ",\"max_storage_bytes\":" + MAX_STORAGE_BYTES + ",\"rpm\":" + RPM + "}";
        expect(201, client.send("POST", "/api/admin/tenants", adminKey, "{\"id\":\"" + id + "\",\"name\":\"Load " + id + "\",\"quota\":" + quota + "}"));
        key = expect(201, client.send("POST", "/api/admin/tenants/" + id + "/keys", adminKey, "{\"permissions\":[\"READ_WRITE\"]}")).json().getString("key");
        expect(201, client.send("POST", "/api/collections", key, "{\"name\":\"" + COLLECTION + "\",\"dimension\":" + DIMENSION + "}"));
        JsonClient.Reply second = client.send("POST", "/api/collections", key, "{\"name\":\"second\",\"dimension\":" + DIMENSION + "}");
        if (!refusedBy(second, "max_collections", 1)) {
            findings.add("max_collections not enforced", id + ": " + second);
        }
    }

    private JsonClient.Reply expect(int status, JsonClient.Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException("tenants load set-up of " + id + ": " + reply);
        }
        return reply;
    }

    /** A new vector id of this tenant. */
    String nextId(String kind) {
        return id + ":" + kind + sequence.incrementAndGet();
    }

    void acked(String vectorId) {
        acked.add(vectorId);
    }

    /**
     * Judges a refused insert of one vector: a well-formed 429 {@code max_vectors} with the plan's
     * limit and a use that leaves no room is a quota refusal (true); anything else is not.
     */
    boolean quotaRefusal(JsonClient.Reply reply) {
        if (refusedBy(reply, "max_vectors", maxVectors)) {
            quotaRefused.incrementAndGet();
            return true;
        }
        return false;
    }

    private static boolean refusedBy(JsonClient.Reply reply, String quota, long limit) {
        if (reply.status() != 429 || !"QUOTA_EXCEEDED".equals(reply.errorType())) {
            return false;
        }
        try {
            JsonObject problem = reply.json();
            return quota.equals(problem.getString("quota", null)) && problem.getJsonNumber("limit").longValue() == limit
                    && problem.getJsonNumber("used").longValue() + problem.getJsonNumber("requested").longValue() > limit;
        } catch (RuntimeException notTheDocumentedProblem) {
            return false;
        }
    }

    /** Whether every hit of a search answer is this tenant's. */
    boolean ownsEveryHit(JsonObject answer) {
        return answer.getJsonArray("results").stream().map(JsonValue::asJsonObject).allMatch(hit -> hit.getString("id").startsWith(id + ":"));
    }

    int quotaRefusals() {
        return quotaRefused.get();
    }

    /** After the load: the vectors are exactly the acknowledged ones, as many as the plan allows, and the usage the server reports agrees and is within every quota. */
    Verdict verify(JsonClient client, Findings findings) {
        Map<String, JsonObject> stored = Point.readAll(client, key, COLLECTION);
        acked.stream().filter(v -> !stored.containsKey(v)).forEach(v -> findings.add("acknowledged insert missing", v));
        stored.keySet().stream().filter(v -> !acked.contains(v)).forEach(v -> findings.add("vector stored but not acknowledged", v));
        int tried = acked.size() + quotaRefused.get();
        if (stored.size() != Math.min(tried, maxVectors)) {
            findings.add("quota not exact", id + ": " + stored.size() + " vectors, " + tried + " single-vector inserts tried, max_vectors " + maxVectors);
        }
        JsonClient.Reply usage = client.send("GET", "/api/hub/usage/quota", key, null);
        if (usage.status() != 200) {
            findings.add("usage/quota refused", id + ": " + usage);
            return new Verdict(stored.size(), false);
        }
        JsonObject quotas = usage.json().getJsonObject("quotas");
        quotas.forEach((name, value) -> {
            JsonObject q = value.asJsonObject();
            if (!q.isNull("limit") && q.getJsonNumber("used").longValue() > q.getJsonNumber("limit").longValue()) {
                findings.add("over quota", id + " " + name + ": " + q);
            }
        });
        long usedVectors = quotas.getJsonObject("max_vectors").getJsonNumber("used").longValue();
        if (usedVectors != stored.size()) {
            findings.add("usage disagrees with the collection", id + ": max_vectors used " + usedVectors + ", " + stored.size() + " stored");
        }
        return new Verdict(stored.size(), stored.size() == maxVectors);
    }

    /** What a tenant ended with: its vectors, and whether its plan's max_vectors was reached. */
    record Verdict(int vectors, boolean atLimit) {
    }
}
