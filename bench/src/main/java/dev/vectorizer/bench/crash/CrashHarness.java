package dev.vectorizer.bench.crash;

import dev.vectorizer.bench.harness.JsonClient;
import dev.vectorizer.bench.harness.Point;
import dev.vectorizer.bench.harness.ServerControl;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Crash durability (issue H, item 1): concurrent writers upsert and delete into several collections
 * of a tenant of the uber-jar (standalone mode), the server is killed with SIGKILL at a seeded random
 * moment after the round's first acknowledgement, restarted, and checked; over and over. After each restart every acknowledged write must be
 * there with its exact values and payload, every acknowledged delete gone, the upsert under way at the
 * kill all there or not at all, nothing there that was never written, and every collection must
 * answer (its count matches what it holds, a search answers). Bounded by rounds and by time.
 */
public final class CrashHarness {

    /**
     * How long and how hard: no round starts after {@code budget}, counted from the end of the set-up. The
     * kill comes {@code minKillMillis..maxKillMillis} after the round's first acknowledged write.
     */
    public record Settings(int rounds, int writers, int minKillMillis, int maxKillMillis, Duration budget) {

        /** The run CI makes (CrashSmokeIT). */
        public static Settings smoke() {
            return new Settings(3, 4, 300, 2_000, Duration.ofSeconds(50));
        }
    }

    static final String TENANT = "crash";
    private static final Duration FIRST_ACK_WAIT = Duration.ofSeconds(60);
    /** Name → definition: float cosine, int8 cosine, int4 Euclidean, float dot product. */
    static final Map<String, String> COLLECTIONS = definitions();

    private final ServerControl server;
    private final long seed;
    private final Settings settings;

    public CrashHarness(ServerControl server, long seed, Settings settings) {
        JsonClient.requireLoopback(server.base());
        this.server = server;
        this.seed = seed;
        this.settings = settings;
    }

    /** Starts the server on a fresh data directory, sets the tenant up, then runs the rounds. */
    public CrashReport run() throws IOException, InterruptedException {
        server.start();
        String key = setUp(new JsonClient(server.base()), server.adminKey());
        long deadline = System.nanoTime() + settings.budget.toNanos(); // for the rounds: the first start is slow on a loaded machine
        List<String> names = List.copyOf(COLLECTIONS.keySet());
        List<WriterLedger> ledgers = new ArrayList<>();
        for (int w = 0; w < settings.writers; w++) {
            ledgers.add(new WriterLedger(w, names.get(w % names.size())));
        }
        Random kills = new Random(seed);
        CrashReport report = new CrashReport(seed, settings);
        for (int round = 1; round <= settings.rounds && System.nanoTime() < deadline; round++) {
            int killAfter = settings.minKillMillis + kills.nextInt(settings.maxKillMillis - settings.minKillMillis + 1);
            List<Writer> writers = writeAndKill(key, ledgers, round, killAfter);
            long restart = System.nanoTime();
            server.start();
            double restartSeconds = (System.nanoTime() - restart) / 1e9;
            CrashReport.Round checked = new CrashReport.Round(round, killAfter, restartSeconds, writers);
            try {
                check(new JsonClient(server.base()), key, ledgers, checked);
            } catch (IllegalStateException unreadable) { // a collection could not be read back: nothing more to judge
                checked.unhealthy(unreadable.getMessage());
                report.add(checked);
                break;
            }
            report.add(checked);
        }
        report.finish(server.log());
        return report;
    }

    private List<Writer> writeAndKill(String key, List<WriterLedger> ledgers, int round, int killAfter) throws InterruptedException {
        JsonClient client = new JsonClient(server.base()); // fresh connections: the old ones died with the last server
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger acks = new AtomicInteger();
        List<Writer> writers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (WriterLedger ledger : ledgers) {
            Writer writer = new Writer(client, key, ledger, seed, round, stop, acks);
            writers.add(writer);
            threads.add(Thread.ofPlatform().name("crash-writer-" + ledger.writer).start(writer));
        }
        // the kill clock starts at the first acknowledgement: on a loaded machine the first writes take a while
        long firstAckDeadline = System.nanoTime() + FIRST_ACK_WAIT.toNanos();
        while (acks.get() == 0 && System.nanoTime() < firstAckDeadline) {
            Thread.sleep(10);
        }
        Thread.sleep(killAfter);
        server.kill();
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        return writers;
    }

    private void check(JsonClient client, String key, List<WriterLedger> ledgers, CrashReport.Round round) {
        for (String name : COLLECTIONS.keySet()) {
            Map<String, JsonObject> stored = Point.readAll(client, key, name);
            round.stored += stored.size();
            List<WriterLedger> mine = ledgers.stream().filter(l -> l.collection.equals(name)).toList();
            stored.keySet().stream().filter(id -> mine.stream().noneMatch(l -> l.owns(id)))
                    .forEach(id -> round.phantom("never written, but stored: " + name + "/" + id));
            mine.forEach(ledger -> round.add(ledger.verify(stored)));
            answers(client, key, name, stored.size(), round);
        }
    }

    /** The collection's count is what it holds, and a search answers with as many hits as it can. */
    private void answers(JsonClient client, String key, String name, int size, CrashReport.Round round) {
        JsonClient.Reply info = client.send("GET", "/api/collections/" + name, key, null);
        if (info.status() != 200 || info.json().getInt("vector_count") != size) {
            round.unhealthy(name + ": info " + info + ", but " + size + " vectors stored");
        }
        float[] query = Point.random("q", Writer.DIMENSION, new Random(size), "{}").values();
        JsonClient.Reply search = client.send("POST", "/api/collections/" + name + "/search", key,
                "{\"vector\":" + Point.valuesJson(query) + ",\"limit\":5}");
        if (search.status() != 200 || search.json().getJsonArray("results").size() != Math.min(5, size)) {
            round.unhealthy(name + ": search " + search + ", with " + size + " vectors stored");
        }
    }

    private static String setUp(JsonClient client, String adminKey) {
        require(client.send("POST", "/api/admin/tenants", adminKey, "{\"id\":\"" + TENANT + "\",\"name\":\"Crash durability\"}"));
        String key = require(client.send("POST", "/api/admin/tenants/" + TENANT + "/keys", adminKey, "{\"permissions\":[\"READ_WRITE\"]}"))
                .json().getString("key");
        COLLECTIONS.values().forEach(definition -> require(client.send("POST", "/api/collections", key, definition)));
        return key;
    }

    private static JsonClient.Reply require(JsonClient.Reply reply) {
        if (!reply.ok()) {
            throw new IllegalStateException("crash harness set-up: " + reply);
        }
        return reply;
    }

    private static Map<String, String> definitions() {
        Map<String, String> definitions = new LinkedHashMap<>();
        String format = "{\"name\":\"%s\",\"dimension\":" + Writer.DIMENSION + ",\"metric\":\"%s\",\"quantization\":\"%s\"}";
        definitions.put("plain", format.formatted("plain", "cosine", "none"));
        definitions.put("quantized", format.formatted("quantized", "cosine", "int8"));
        definitions.put("euclid4", format.formatted("euclid4", "euclidean", "int4"));
        definitions.put("dot", format.formatted("dot", "dot_product", "none"));
        return java.util.Collections.unmodifiableMap(definitions);
    }
}
