package dev.vectorizer.bench.density;

import dev.vectorizer.bench.harness.JsonClient;
import dev.vectorizer.bench.harness.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Creates density tenant {@code n} the way an operator and the tenant would: the administrator
 * creates tenant {@code d<n>} and issues its key, the tenant creates collection {@code c} (cosine,
 * {@code dimension}) and upserts {@code vectors} vectors with a small payload in one batch. Counts
 * what was refused by operation and status; after {@link #MAX_ERRORS} it reports itself unhealthy
 * so the harness stops creating. Thread-safe.
 */
final class TenantMaker {

    static final String COLLECTION = "c";
    private static final int MAX_ERRORS = 50;

    private final JsonClient client;
    private final String adminKey;
    private final DensityHarness.Settings settings;
    private final AtomicReferenceArray<String> keys;
    private final AtomicInteger created = new AtomicInteger();
    private final ConcurrentMap<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final List<String> examples = new ArrayList<>();
    private final AtomicInteger errorCount = new AtomicInteger();

    TenantMaker(JsonClient client, String adminKey, DensityHarness.Settings settings) {
        this.client = client;
        this.adminKey = adminKey;
        this.settings = settings;
        this.keys = new AtomicReferenceArray<>(settings.tenants());
    }

    static String tenantId(int n) {
        return String.format("d%06d", n);
    }

    /** Creates tenant {@code n} with its key, collection and vectors; false (and counted) if a step was refused. */
    boolean create(int n) {
        String id = tenantId(n);
        JsonClient.Reply tenant = client.send("POST", "/api/admin/tenants", adminKey, "{\"id\":\"" + id + "\",\"name\":\"Density " + n + "\"}");
        if (!tenant.ok()) {
            return error("create tenant", tenant);
        }
        JsonClient.Reply key = client.send("POST", "/api/admin/tenants/" + id + "/keys", adminKey, "{\"permissions\":[\"READ_WRITE\"]}");
        if (!key.ok()) {
            return error("issue key", key);
        }
        String secret = key.json().getString("key");
        JsonClient.Reply collection = client.send("POST", "/api/collections", secret,
                "{\"name\":\"" + COLLECTION + "\",\"dimension\":" + settings.dimension() + ",\"metric\":\"cosine\"}");
        if (!collection.ok()) {
            return error("create collection", collection);
        }
        Random random = new Random(n);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < settings.vectors(); i++) {
            points.add(Point.random("v" + i, settings.dimension(), random, "{\"n\":" + i + ",\"tag\":\"t" + (i % 3) + "\"}"));
        }
        JsonClient.Reply upsert = client.send("POST", "/api/collections/" + COLLECTION + "/vectors", secret, Point.batch(points));
        if (!upsert.ok()) {
            return error("upsert", upsert);
        }
        keys.set(n, secret);
        created.incrementAndGet();
        return true;
    }

    /** A search of tenant {@code n}'s collection with its key. */
    JsonClient.Reply search(int n, float[] vector) {
        return client.send("POST", "/api/collections/" + COLLECTION + "/search", keys.get(n),
                "{\"vector\":" + Point.valuesJson(vector) + ",\"limit\":10}");
    }

    /** The tenants below {@code limit} that were created completely. */
    List<Integer> createdBefore(int limit) {
        List<Integer> found = new ArrayList<>();
        for (int n = 0; n < Math.min(limit, settings.tenants()); n++) {
            if (keys.get(n) != null) {
                found.add(n);
            }
        }
        return found;
    }

    int created() {
        return created.get();
    }

    boolean healthy() {
        return errorCount.get() < MAX_ERRORS;
    }

    /** Counts a refused step; returns false. */
    boolean error(String operation, JsonClient.Reply reply) {
        errors.computeIfAbsent(operation + " → " + (reply.answered() ? reply.status() : "no answer"), k -> new AtomicInteger()).incrementAndGet();
        errorCount.incrementAndGet();
        synchronized (examples) {
            if (examples.size() < 5) {
                examples.add(operation + ": " + reply);
            }
        }
        return false;
    }

    /** Refusals by operation and status, then up to five examples. */
    Map<String, Object> errors() {
        Map<String, Object> all = new TreeMap<>();
        errors.forEach((k, v) -> all.put(k, v.get()));
        synchronized (examples) {
            for (int i = 0; i < examples.size(); i++) {
                all.put("example " + (i + 1), examples.get(i));
            }
        }
        return all;
    }
}
