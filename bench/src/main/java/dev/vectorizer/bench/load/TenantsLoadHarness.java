package dev.vectorizer.bench.load;

import dev.vectorizer.bench.Sentences;
import dev.vectorizer.bench.harness.Findings;
import dev.vectorizer.bench.harness.JsonClient;
import dev.vectorizer.bench.harness.Latencies;
import dev.vectorizer.bench.harness.LoadAverage;
import dev.vectorizer.bench.harness.Point;
import dev.vectorizer.bench.harness.Tally;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Multi-tenant load (issue H, item 4) against a running server in standalone mode: the
 * administrator creates {@code tenants} tenants, each with a plan ({@link LoadTenant}), a key and a
 * collection; then {@code clients} threads send a fixed time's mix of searches (50%), upserts of one
 * new vector (35%) and one-sentence texts to embed and insert (15%), each to a random tenant.
 * Reports throughput and p50/p99 per operation; any answer but a 2xx or a well-formed
 * {@code max_vectors} refusal is an error. Afterwards each tenant holds exactly its acknowledged
 * vectors, min(inserts tried, max_vectors) of them, and no quota is exceeded; tenants on the
 * smallest plan are first filled up to it, so refusals at the limit are always seen. Seeded,
 * bounded by time and count, loopback only.
 */
public final class TenantsLoadHarness {

    /** {@code tenants} tenants, {@code clients} client threads, for {@code duration}. */
    public record Settings(int tenants, Duration duration, int clients) {

        /** The run CI makes (HarnessSmokeIT). */
        public static Settings smoke() {
            return new Settings(20, Duration.ofSeconds(10), 4);
        }
    }

    /** The plans' max_vectors, by tenant in turn: one reached within seconds, one within a minute or so, one not. */
    private static final int[] MAX_VECTORS = {3, 25, 10_000};
    private static final int MAX_REQUESTS_PER_SECOND = 5_000;

    private final JsonClient client;
    private final String adminKey;
    private final long seed;
    private final Settings settings;
    private final Findings findings = new Findings();
    private final Tally tally = new Tally(findings);
    private final Latencies latencies = new Latencies();
    private final List<String> sentences;

    public TenantsLoadHarness(URI base, String adminKey, long seed, Settings settings) {
        this.client = new JsonClient(base);
        this.adminKey = adminKey;
        this.seed = seed;
        this.settings = settings;
        this.sentences = Sentences.generate(500, seed);
    }

    public TenantsLoadReport run() throws InterruptedException {
        long setUpStart = System.nanoTime();
        List<LoadTenant> tenants = new ArrayList<>();
        for (int i = 0; i < settings.tenants(); i++) {
            LoadTenant tenant = new LoadTenant(String.format("load-%03d", i), MAX_VECTORS[i % MAX_VECTORS.length]);
            tenant.setUp(client, adminKey, findings);
            tenants.add(tenant);
        }
        JsonClient.Reply warmUp = client.send("POST", "/api/embed", tenants.getFirst().key(), "{\"texts\":[\"The model loads on first use.\"]}");
        if (warmUp.status() != 200) {
            throw new IllegalStateException("tenants load warm-up (loading the embedding model): " + warmUp);
        }
        Duration setUp = Duration.ofNanos(System.nanoTime() - setUpStart);
        String loadBefore = LoadAverage.now();
        Random seeds = new Random(seed);
        long start = System.nanoTime();
        long end = start + settings.duration().toNanos();
        int maxRequests = (int) Math.min(Integer.MAX_VALUE, settings.duration().toSeconds() * MAX_REQUESTS_PER_SECOND / settings.clients());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < settings.clients(); c++) {
            Random random = new Random(seeds.nextLong());
            threads.add(Thread.ofPlatform().name("load-" + c).start(() -> work(tenants, random, end, maxRequests)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Duration load = Duration.ofNanos(System.nanoTime() - start);
        String loadAfter = LoadAverage.now();
        fillSmallestPlans(tenants, new Random(seeds.nextLong()));
        List<LoadTenant.Verdict> verdicts = tenants.stream().map(t -> t.verify(client, findings)).toList();
        return new TenantsLoadReport(seed, settings, setUp, load, loadBefore + " → " + loadAfter, tally, latencies, findings, verdicts,
                tenants.stream().mapToInt(LoadTenant::quotaRefusals).sum());
    }

    /**
     * Tops up every tenant on the smallest plan that was not yet refused until its plan refuses (at
     * most max_vectors + 1 one-vector upserts, untimed), so every run sees refusals at the limit,
     * whatever the machine managed during the load.
     */
    private void fillSmallestPlans(List<LoadTenant> tenants, Random random) {
        for (LoadTenant tenant : tenants) {
            for (int i = 0; tenant.maxVectors == MAX_VECTORS[0] && i <= tenant.maxVectors && tenant.quotaRefusals() == 0; i++) {
                upsert("fill upsert", tenant, random);
            }
        }
    }

    private void work(List<LoadTenant> tenants, Random random, long end, int maxRequests) {
        for (int i = 0; i < maxRequests && System.nanoTime() < end; i++) {
            LoadTenant tenant = tenants.get(random.nextInt(tenants.size()));
            int roll = random.nextInt(100);
            try {
                if (roll < 50) {
                    search(tenant, random);
                } else if (roll < 85) {
                    upsert("upsert", tenant, random);
                } else {
                    insertText(tenant, random);
                }
            } catch (RuntimeException unreadable) { // a 2xx whose body is not what the API documents
                findings.add("unreadable answer", tenant.id + ": " + unreadable);
            }
        }
    }

    private void search(LoadTenant tenant, Random random) {
        String query = Point.valuesJson(Point.random("q", LoadTenant.DIMENSION, random, "{}").values());
        JsonClient.Reply reply = call("search", tenant, "/search", "{\"vector\":" + query + ",\"limit\":10}");
        if (reply.ok() && !tenant.ownsEveryHit(reply.json())) {
            findings.add("another tenant's hit", tenant.id + ": " + reply);
        } else if (!reply.ok()) {
            findings.add("error", "search " + tenant.id + ": " + reply);
        }
    }

    private void upsert(String operation, LoadTenant tenant, Random random) {
        Point point = Point.random(tenant.nextId("v"), LoadTenant.DIMENSION, random, "{\"n\":" + random.nextInt(100) + "}");
        JsonClient.Reply reply = call(operation, tenant, "/vectors", Point.batch(List.of(point)));
        inserted(operation, tenant, reply, point.id());
    }

    private void insertText(LoadTenant tenant, Random random) {
        String document = tenant.nextId("t");
        String text = sentences.get(random.nextInt(sentences.size()));
        JsonClient.Reply reply = call("insert_text", tenant, "/insert_text",
                "{\"id\":" + Json.createValue(document) + ",\"text\":" + Json.createValue(text) + "}");
        if (reply.ok()) {
            JsonArray ids = reply.json().getJsonArray("ids");
            if (ids.size() != 1 || !ids.getString(0).equals(document + "#0")) {
                findings.add("insert_text made other than one chunk", tenant.id + ": " + reply);
            }
        }
        inserted("insert_text", tenant, reply, document + "#0");
    }

    private void inserted(String operation, LoadTenant tenant, JsonClient.Reply reply, String vectorId) {
        if (reply.ok()) {
            tenant.acked(vectorId);
        } else if (!tenant.quotaRefusal(reply)) {
            findings.add("error", operation + " " + tenant.id + ": " + reply);
        }
    }

    /** A request to the tenant's collection; the time of a 2xx is recorded, except the fill's. */
    private JsonClient.Reply call(String operation, LoadTenant tenant, String route, String body) {
        JsonClient.Reply reply = tally.count(operation, client.send("POST", "/api/collections/" + LoadTenant.COLLECTION + route, tenant.key(), body));
        if (reply.ok() && !operation.startsWith("fill")) {
            latencies.add(operation, reply);
        }
        return reply;
    }
}
