package dev.vectorizer.bench.failover;

import dev.vectorizer.bench.harness.Findings;
import dev.vectorizer.bench.harness.JsonClient;
import dev.vectorizer.bench.harness.Point;
import dev.vectorizer.bench.harness.Tally;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One HiveHub tenant's client: searches and upserts into its collection with its live key and, a
 * quarter of the time, with a second key the harness revokes mid-run; judges every answer as it
 * comes and keeps the ledger the checks afterwards need (writes acknowledged and refused, requests
 * the server surely counted and those it may have counted). One thread drives it; the ledger is
 * read once that thread has stopped.
 */
final class TenantTraffic {

    static final String COLLECTION = "docs";
    private static final String PATH = "/api/collections/" + COLLECTION;
    private static final int DIMENSION = 8;
    private static final int BATCH = 2;

    final String tenant;
    private final String liveKey;
    private final String revocableKey;
    private final JsonClient client;
    private final Tally tally;
    private final Findings findings;
    private final Impairments impairments;
    private final long revocationBoundNanos;
    private final Random random;
    private volatile long revokedAtNanos;

    private final Map<String, Point> acked = new HashMap<>();
    private final Set<String> refused = new HashSet<>();
    private final Set<String> attempted = new HashSet<>();
    private int sequence;
    long surelyCounted;
    long maybeCounted;
    long servedImpaired;
    long unavailable;

    TenantTraffic(String tenant, String liveKey, String revocableKey, Arena arena, long revocationBoundNanos, Random random) {
        this.tenant = tenant;
        this.liveKey = liveKey;
        this.revocableKey = revocableKey;
        this.client = arena.client();
        this.tally = arena.tally();
        this.findings = arena.findings();
        this.impairments = arena.impairments();
        this.revocationBoundNanos = revocationBoundNanos;
        this.random = random;
    }

    /** The shared parts of a run: the client, the answers, the findings and the impairment schedule. */
    record Arena(JsonClient client, Tally tally, Findings findings, Impairments impairments) {
    }

    String revocableKey() {
        return revocableKey;
    }

    /** The harness revokes the second key (at {@code atNanos}, just before HiveHub is told). */
    void revoked(long atNanos) {
        revokedAtNanos = atNanos;
    }

    /** Creates the tenant's collection (HiveHub answering normally); throws if that fails. */
    void setUp() {
        JsonClient.Reply created = send("create collection", liveKey, "POST", "/api/collections",
                "{\"name\":\"" + COLLECTION + "\",\"dimension\":" + DIMENSION + "}", true);
        if (created.status() != 201) {
            throw new IllegalStateException("failover harness set-up for " + tenant + ": " + created);
        }
    }

    /** Searches and upserts until {@code endNanos} or {@code maxRequests}, whichever comes first. */
    void runUntil(long endNanos, int maxRequests) {
        for (int i = 0; i < maxRequests && System.nanoTime() < endNanos; i++) {
            String key = random.nextInt(4) == 0 ? revocableKey : liveKey;
            try {
                if (random.nextBoolean()) {
                    search(key);
                } else {
                    upsert(key);
                }
            } catch (RuntimeException unreadable) { // a 2xx whose body is not what the API documents
                findings.add("unreadable answer", tenant + ": " + unreadable);
            }
        }
    }

    private void search(String key) {
        String query = Point.valuesJson(Point.random("q", DIMENSION, random, "{}").values());
        JsonClient.Reply reply = send("search", key, "POST", PATH + "/search", "{\"vector\":" + query + ",\"limit\":10}", false);
        if (reply.ok()) {
            for (JsonValue hit : reply.json().getJsonArray("results")) {
                JsonObject payload = hit.asJsonObject().getJsonObject("payload");
                if (!hit.asJsonObject().getString("id").startsWith(tenant + "-") || payload == null || !tenant.equals(payload.getString("owner", null))) {
                    findings.add("another tenant's answer", tenant + " got " + hit);
                }
            }
        }
    }

    private void upsert(String key) {
        List<Point> batch = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            String id = tenant + "-" + sequence++;
            batch.add(Point.random(id, DIMENSION, random, "{\"owner\":\"" + tenant + "\",\"n\":" + sequence + "}"));
            attempted.add(id);
        }
        JsonClient.Reply reply = send("upsert", key, "POST", PATH + "/vectors", Point.batch(batch), true);
        if (reply.ok()) {
            batch.forEach(p -> acked.put(p.id(), p));
        } else if (reply.answered()) {
            batch.forEach(p -> refused.add(p.id()));
        }
    }

    /**
     * Sends a request with {@code key} and judges what authentication and HiveHub's state make of it:
     * a revoked key served after its bound, a live key refused, a 503 (counted; the tally checks its
     * form). {@code asksHiveHub}: the route asks HiveHub to approve it after admission, so its 503
     * may come after the server counted it.
     */
    private JsonClient.Reply send(String operation, String key, String method, String path, String body, boolean asksHiveHub) {
        JsonClient.Reply reply = tally.count(operation, client.send(method, path, key, body));
        long revoked = revokedAtNanos;
        boolean revokedKey = key.equals(revocableKey) && revoked != 0;
        if (reply.ok()) {
            surelyCounted++;
            if (revokedKey && reply.sentNanos() - revoked > revocationBoundNanos) {
                findings.add("revoked key served past its time to live and grace", tenant + " " + operation + ", "
                        + (reply.sentNanos() - revoked) / 1_000_000 + " ms after the revocation: " + reply);
            }
            if (impairments.impairedThroughout(reply.sentNanos(), reply.answeredNanos())) {
                servedImpaired++;
            }
        } else if (reply.status() == 503) {
            unavailable++;
            maybeCounted += asksHiveHub ? 1 : 0;
        } else if (reply.status() == 401) {
            if (!(revokedKey && reply.answeredNanos() > revoked)) {
                findings.add("live key refused", tenant + " " + operation + ": " + reply);
            }
        } else if (reply.answered() && reply.status() < 500) {
            surelyCounted++;
            findings.add("unexpected answer", tenant + " " + operation + ": " + reply);
        } else {
            maybeCounted++; // no answer, or a 5xx other than 503 (the tally reports both)
        }
        return reply;
    }

    /** What the tenant's collection holds against the ledger (HiveHub answering normally, traffic stopped); the number of writes checked. */
    int verify() {
        Map<String, JsonObject> stored = Point.readAll(client, liveKey, COLLECTION);
        acked.values().stream().filter(p -> !p.sameAs(stored.get(p.id())))
                .forEach(p -> findings.add("acknowledged write missing or changed", p + " vs " + stored.get(p.id())));
        refused.stream().filter(stored::containsKey).forEach(id -> findings.add("refused write stored", id));
        stored.forEach((id, v) -> {
            if (!attempted.contains(id)) {
                findings.add("vector nobody wrote (another tenant's?)", tenant + ": " + v);
            }
        });
        return acked.size();
    }

    long acknowledgedWrites() {
        return acked.size();
    }
}
