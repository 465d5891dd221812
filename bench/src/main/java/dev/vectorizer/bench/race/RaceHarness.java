package dev.vectorizer.bench.race;

import dev.vectorizer.bench.harness.Findings;
import dev.vectorizer.bench.harness.JsonClient;
import dev.vectorizer.bench.harness.Point;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Races (issue H, item 2b) against a running server in standalone mode: in phases, two clients delete
 * and create one collection name as fast as they can while writers upsert and delete vectors in it,
 * searchers read it, and the administrator rotates, revokes and issues the tenant's keys. After each
 * phase (everyone stopped) the collection is checked: acknowledged creates minus acknowledged deletes
 * say whether it exists; if it does, every write acknowledged into its incarnation is there exactly
 * unless an acknowledged delete removed it, and nothing from an older incarnation is. Throughout: no
 * 5xx, always an answer, a revoked key refused once its revocation was acknowledged, a live key never
 * refused. Seeded (each client its own random source; what interleaves depends on timing), bounded by
 * time, loopback only.
 */
public final class RaceHarness {

    /** {@code phases} phases in {@code duration}; {@code writers} writers, two searchers, two lifecycle clients. */
    public record Settings(Duration duration, int phases, int writers) {

        /** The run CI makes (RaceSmokeIT). */
        public static Settings smoke() {
            return new Settings(Duration.ofSeconds(20), 2, 4);
        }
    }

    static final String TENANT = "race";
    private static final int FIRST_KEYS = 3;

    private final URI base;
    private final String adminKey;
    private final long seed;
    private final Settings settings;

    public RaceHarness(URI base, String adminKey, long seed, Settings settings) {
        JsonClient.requireLoopback(base);
        this.base = base;
        this.adminKey = adminKey;
        this.seed = seed;
        this.settings = settings;
    }

    public RaceReport run() throws InterruptedException {
        Findings findings = new Findings();
        Arena arena = new Arena(new JsonClient(base), new KeyRing(findings), findings);
        JsonClient.Reply tenant = arena.client.send("POST", "/api/admin/tenants", adminKey, "{\"id\":\"" + TENANT + "\",\"name\":\"Races\"}");
        if (tenant.status() != 201) {
            throw new IllegalStateException("race harness set-up: " + tenant);
        }
        Random seeds = new Random(seed);
        KeyKeeper keeper = new KeyKeeper(arena, adminKey, TENANT, new Random(seeds.nextLong()));
        for (int i = 0; i < FIRST_KEYS; i++) {
            keeper.issue();
        }
        List<VectorWriter> writers = new ArrayList<>();
        for (int w = 0; w < settings.writers; w++) {
            writers.add(new VectorWriter(w, arena, new Random(seeds.nextLong())));
        }
        List<Searcher> searchers = List.of(new Searcher(arena, new Random(seeds.nextLong())), new Searcher(arena, new Random(seeds.nextLong())));
        RaceReport report = new RaceReport(seed, settings, arena);
        long phaseNanos = settings.duration.toNanos() / settings.phases;
        for (int phase = 1; phase <= settings.phases; phase++) {
            long start = System.nanoTime();
            long end = start + phaseNanos;
            List<Thread> threads = new ArrayList<>();
            for (int l = 0; l < 2; l++) {
                threads.add(Thread.ofPlatform().start(new Lifecycle(arena, new Random(seeds.nextLong()), start + phaseNanos * 6 / 10, l == 0)));
            }
            writers.forEach(w -> threads.add(Thread.ofPlatform().start(() -> w.runUntil(end))));
            searchers.forEach(s -> threads.add(Thread.ofPlatform().start(() -> s.runUntil(end))));
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    keeper.runUntil(end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            for (Thread thread : threads) {
                thread.join();
            }
            report.add(check(phase, arena, writers));
        }
        report.finish(keeper.summary());
        return report;
    }

    /** Everyone has stopped: judges what the contested collection holds. */
    private RaceReport.Phase check(int number, Arena arena, List<VectorWriter> writers) {
        KeyRing.Key key = arena.keys.unrevoked().getFirst();
        RaceReport.Phase phase = new RaceReport.Phase(number, arena.creates(), arena.deletes());
        JsonClient.Reply info = arena.call("check: get collection", key, "GET", Arena.PATH, null);
        phase.exists = info.status() == 200;
        if (info.status() != 200 && info.status() != 404) {
            arena.findings.add("check failed", "get collection: " + info);
            return phase;
        }
        if (phase.creates - phase.deletes != (phase.exists ? 1 : 0)) {
            arena.findings.add("creates and deletes do not add up", phase.creates + " creates and " + phase.deletes
                    + " deletes acknowledged, but the collection " + (phase.exists ? "exists" : "does not exist"));
        }
        if (phase.exists) {
            Optional<Arena.Creation> creation = arena.creation(info.json().getString("created_at"));
            if (creation.isEmpty()) {
                arena.findings.add("incarnation nobody created", info.toString());
                return phase;
            }
            Map<String, JsonObject> stored = Point.readAll(arena.client, key.secret, Arena.NAME);
            phase.stored = stored.size();
            writers.forEach(w -> phase.add(w.judge(stored, creation.get())));
            stored.keySet().stream().filter(id -> writers.stream().noneMatch(w -> id.startsWith(w.prefix())))
                    .forEach(id -> arena.findings.add("phantom", id + " stored but never written"));
            String query = Point.valuesJson(Point.random("q", creation.get().dimension(), new Random(number), "{}").values());
            JsonClient.Reply search = arena.call("check: search", key, "POST", Arena.PATH + "/search", "{\"vector\":" + query + ",\"limit\":10}");
            if (search.status() != 200) {
                arena.findings.add("check failed", "search: " + search);
            }
        }
        if (!arena.client.ready()) {
            arena.findings.add("not ready", "after phase " + number);
        }
        return phase;
    }
}
