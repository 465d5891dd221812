package dev.vectorizer.bench.race;

import dev.vectorizer.bench.harness.Findings;
import dev.vectorizer.bench.harness.JsonClient;
import dev.vectorizer.bench.harness.Tally;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the racing clients share: the server, the keys, the tally, the findings, and the record of
 * the contested collection's incarnations — every acknowledged create (with its interval and
 * {@code created_at}) and the number of acknowledged deletes. Thread-safe.
 */
final class Arena {

    static final String NAME = "hot";
    static final String PATH = "/api/collections/" + NAME;

    /** An acknowledged create: when it was sent and answered ({@link System#nanoTime()}), and the incarnation's creation time. */
    record Creation(long sent, long answered, Instant createdAt, int dimension) {
    }

    final JsonClient client;
    final KeyRing keys;
    final Findings findings;
    final Tally tally;
    /** The dimension of the latest incarnation created, which writers and searchers use (racing, it may be stale). */
    volatile int dimension = 4;
    private final List<Creation> creations = new ArrayList<>();
    private int deletes;

    Arena(JsonClient client, KeyRing keys, Findings findings) {
        this.client = client;
        this.keys = keys;
        this.findings = findings;
        this.tally = new Tally(findings);
    }

    /** Sends a tenant request with {@code key}, counts its answer and judges it against the key's revocation. */
    JsonClient.Reply call(String operation, KeyRing.Key key, String method, String path, String json) {
        JsonClient.Reply reply = tally.count(operation, client.send(method, path, key.secret, json));
        keys.judge(key, reply, operation);
        return reply;
    }

    synchronized void created(JsonClient.Reply reply, int dimension) {
        creations.add(new Creation(reply.sentNanos(), reply.answeredNanos(), instant(reply.json().getString("created_at")), dimension));
        this.dimension = dimension;
    }

    synchronized void deleted() {
        deletes++;
    }

    synchronized int creates() {
        return creations.size();
    }

    synchronized int deletes() {
        return deletes;
    }

    /** The acknowledged create of the incarnation created at {@code createdAt} (to the millisecond), if any. */
    synchronized Optional<Creation> creation(String createdAt) {
        Instant wanted = instant(createdAt);
        return creations.stream().filter(c -> c.createdAt.equals(wanted)).max(Comparator.comparingLong(Creation::answered));
    }

    private static Instant instant(String text) {
        return Instant.parse(text).truncatedTo(ChronoUnit.MILLIS);
    }
}
