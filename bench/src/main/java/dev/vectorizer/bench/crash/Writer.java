package dev.vectorizer.bench.crash;

import dev.vectorizer.bench.harness.JsonClient;
import dev.vectorizer.bench.harness.Point;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One writer of one round: one request at a time into its collection until the server dies, it is
 * told to stop, or it has sent its share — upserts of 1–40 vectors (new ids, and up to a third
 * overwriting its own present ones with new values) and, one time in seven, a delete of up to ten of
 * its ids. What it sends comes from its seeded random source; how far it gets depends on timing.
 */
final class Writer implements Runnable {

    static final int DIMENSION = 8;
    private static final int MAX_REQUESTS = 5_000;

    /** What the writer did in its round. */
    record Tally(int ackedUpserts, int ackedVectors, int ackedDeletes, List<String> errors) {
    }

    private final JsonClient client;
    private final String key;
    private final WriterLedger ledger;
    private final Random random;
    private final int round;
    private final AtomicBoolean stop;
    private final AtomicInteger roundAcks;
    private int ackedUpserts;
    private int ackedVectors;
    private int ackedDeletes;
    private final List<String> errors = new ArrayList<>();

    Writer(JsonClient client, String key, WriterLedger ledger, long seed, int round, AtomicBoolean stop, AtomicInteger roundAcks) {
        this.client = client;
        this.key = key;
        this.ledger = ledger;
        this.random = new Random(seed * 1_000_003L + round * 10_007L + ledger.writer);
        this.round = round;
        this.stop = stop;
        this.roundAcks = roundAcks;
    }

    @Override
    public void run() {
        for (int seq = 0; seq < MAX_REQUESTS && !stop.get(); seq++) {
            List<String> present = ledger.presentIds();
            JsonClient.Reply reply = present.isEmpty() || random.nextInt(7) != 0 ? upsert(seq, present) : delete(present);
            if (reply.ok()) {
                ledger.acknowledged();
                roundAcks.incrementAndGet();
            } else {
                if (reply.answered()) {
                    errors.add(ledger.collection + ": " + reply);
                }
                return; // the server died (or misbehaved): the request's outcome is for the check after the restart
            }
        }
    }

    Tally tally() {
        return new Tally(ackedUpserts, ackedVectors, ackedDeletes, errors);
    }

    private JsonClient.Reply upsert(int seq, List<String> present) {
        int size = 1 + random.nextInt(40);
        List<String> ids = new ArrayList<>(present);
        Collections.shuffle(ids, random);
        ids = new ArrayList<>(ids.subList(0, Math.min(ids.size(), random.nextInt(size / 3 + 1))));
        while (ids.size() < size) {
            ids.add(ledger.newId());
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String payload = "{\"writer\":" + ledger.writer + ",\"round\":" + round + ",\"seq\":" + seq + ",\"i\":" + i
                    + ",\"tag\":\"t" + random.nextInt(5) + "\"}";
            points.add(Point.random(ids.get(i), DIMENSION, random, payload));
        }
        ledger.sendingUpsert(points);
        JsonClient.Reply reply = client.send("POST", "/api/collections/" + ledger.collection + "/vectors", key, Point.batch(points));
        if (reply.ok()) {
            ackedUpserts++;
            ackedVectors += points.size();
        }
        return reply;
    }

    private JsonClient.Reply delete(List<String> present) {
        List<String> ids = new ArrayList<>(present);
        Collections.shuffle(ids, random);
        ids = List.copyOf(ids.subList(0, 1 + random.nextInt(Math.min(10, ids.size()))));
        ledger.sendingDelete(ids);
        String body = ids.stream().map(id -> Json.createValue(id).toString()).collect(Collectors.joining(",", "{\"ids\":[", "]}"));
        JsonClient.Reply reply = client.send("POST", "/api/collections/" + ledger.collection + "/vectors/delete", key, body);
        if (reply.ok()) {
            ackedDeletes++;
        }
        return reply;
    }
}
