package dev.vectorizer.bench.race;

import dev.vectorizer.bench.harness.JsonClient;
import dev.vectorizer.bench.harness.Point;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Upserts batches of 1–10 vectors into the contested collection (new ids of its own, or its earlier
 * ones with new values) and, one time in five, deletes some of its ids, one request at a time, with
 * whatever key the ring offers. It remembers, per id, its last request that may have changed it (an
 * acknowledged one, or one without an answer; a refusal changes nothing) and when its last upsert that
 * may have landed ended: what {@link #judge} needs.
 */
final class VectorWriter {

    /** A request that may have changed an id: when it was sent and answered, whether it was acknowledged, and what it wrote (null: a delete). */
    private record Change(long sent, long answered, boolean acked, Point written) {
    }

    private static final class History {
        Change last;
        long lastUpsertAnswered;
    }

    /** What a check found for this writer's ids. */
    record Judgement(int judged, int lost, int wrong, int undeleted, int leaked, int phantom) {
    }

    private final int writer;
    private final Arena arena;
    private final Random random;
    private final Map<String, History> histories = new HashMap<>();
    private final List<String> written = new ArrayList<>();
    private long nextId;

    VectorWriter(int writer, Arena arena, Random random) {
        this.writer = writer;
        this.arena = arena;
        this.random = random;
    }

    String prefix() {
        return "w" + writer + "-";
    }

    /** Writes until {@code deadline} ({@link System#nanoTime()}). */
    void runUntil(long deadline) {
        while (System.nanoTime() < deadline) {
            if (!written.isEmpty() && random.nextInt(5) == 0) {
                delete();
            } else {
                upsert();
            }
        }
    }

    private void upsert() {
        int size = 1 + random.nextInt(10);
        int dimension = arena.dimension;
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = !written.isEmpty() && random.nextInt(3) == 0 ? written.get(random.nextInt(written.size())) : newId();
            if (points.stream().noneMatch(p -> p.id().equals(id))) {
                points.add(Point.random(id, dimension, random, "{\"writer\":" + writer + ",\"n\":" + nextId + ",\"i\":" + i + "}"));
            }
        }
        JsonClient.Reply reply = arena.call("upsert vectors", arena.keys.pickForClient(random), "POST", Arena.PATH + "/vectors", Point.batch(points));
        points.forEach(p -> record(p.id(), reply, p));
    }

    private String newId() {
        String id = prefix() + nextId++;
        written.add(id);
        return id;
    }

    private void delete() {
        List<String> ids = new ArrayList<>(written);
        Collections.shuffle(ids, random);
        ids = List.copyOf(ids.subList(0, Math.min(ids.size(), 1 + random.nextInt(5))));
        String body = ids.stream().map(id -> Json.createValue(id).toString()).collect(Collectors.joining(",", "{\"ids\":[", "]}"));
        JsonClient.Reply reply = arena.call("delete vectors", arena.keys.pickForClient(random), "POST", Arena.PATH + "/vectors/delete", body);
        ids.forEach(id -> record(id, reply, null));
    }

    private void record(String id, JsonClient.Reply reply, Point written) {
        if (reply.answered() && !reply.ok() && reply.status() < 500) {
            return; // refused: changed nothing
        }
        History history = histories.computeIfAbsent(id, i -> new History());
        history.last = new Change(reply.sentNanos(), reply.answeredNanos(), reply.ok(), written);
        if (written != null) {
            history.lastUpsertAnswered = reply.answeredNanos();
        }
    }

    /**
     * Judges {@code stored} (every vector of the incarnation created by {@code creation}) against this
     * writer's ids: a write acknowledged and sent after that create was answered went into that
     * incarnation and nothing can have removed it since (it still exists), so it must be there exactly,
     * and a delete like that must have removed its ids. Earlier writes may have gone to an older
     * incarnation: not judged. A stored id of this writer whose every write ended before that create
     * was sent leaked from an older incarnation.
     */
    Judgement judge(Map<String, JsonObject> stored, Arena.Creation creation) {
        int judged = 0;
        int lost = 0;
        int wrong = 0;
        int undeleted = 0;
        for (Map.Entry<String, History> entry : histories.entrySet()) {
            Change last = entry.getValue().last;
            if (last == null || !last.acked || last.sent <= creation.answered()) {
                continue;
            }
            judged++;
            JsonObject found = stored.get(entry.getKey());
            if (last.written != null && found == null) {
                lost++;
                arena.findings.add("lost write", "acknowledged upsert of " + last.written + " missing");
            } else if (last.written != null && !last.written.sameAs(found)) {
                wrong++;
                arena.findings.add("wrong values", "acknowledged " + last.written + " but stored " + found);
            } else if (last.written == null && found != null) {
                undeleted++;
                arena.findings.add("undeleted", "acknowledged delete of " + entry.getKey() + " but stored " + found);
            }
        }
        int leaked = 0;
        int phantom = 0;
        for (String id : stored.keySet()) {
            if (!id.startsWith(prefix())) {
                continue;
            }
            History history = histories.get(id);
            if (history == null || history.lastUpsertAnswered == 0) {
                phantom++;
                arena.findings.add("phantom", id + " stored but never written");
            } else if (history.lastUpsertAnswered < creation.sent()) {
                leaked++;
                arena.findings.add("leaked from an older incarnation", id + " stored, but its writes all ended before this incarnation was created");
            }
        }
        return new Judgement(judged, lost, wrong, undeleted, leaked, phantom);
    }
}
