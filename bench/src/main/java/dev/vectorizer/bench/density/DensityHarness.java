package dev.vectorizer.bench.density;

import dev.vectorizer.bench.harness.JsonClient;
import dev.vectorizer.bench.harness.Point;
import dev.vectorizer.bench.harness.UberJarProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Tenant density (issue H, item 6) against the uber-jar in standalone mode: creates tenants through
 * the administrator API, each with its own key, one small collection and a few vectors ({@link TenantMaker}),
 * with {@code clients} concurrent clients, sampling the server ({@link ServerProbe}) at checkpoints;
 * then searches random idle tenants (created long before, so their index was closed by the open-index
 * limit) one at a time, and one open tenant for comparison; then, if asked and time is left,
 * restarts the server and searches idle tenants again. Bounded by {@code budget}: creation stops in
 * time for the rest, and the report says how far it got. Loopback only.
 */
public final class DensityHarness {

    /** What to create and measure. */
    public record Settings(int tenants, Duration budget, int clients, int vectors, int dimension, int searches, int checkpoints,
            boolean restart) {
    }

    /** The server after {@code tenants} tenants, {@code seconds} into creation, creating {@code rate} per second since the last checkpoint. */
    public record Checkpoint(int tenants, double seconds, double rate, ServerProbe.Sample sample) {
    }

    /** How long searches took; {@code failures} got no 200 with a hit. */
    public record Searches(String what, long[] nanos, int failures) {

        double millis(double quantile) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
        }
    }

    /** Tenants created last may still be open: idle ones are picked before them (a margin over the default max-open-indexes). */
    private static final int RECENT = 600;
    /** Time kept back from creation for the searches, and for the restart. */
    private static final Duration SEARCH_RESERVE = Duration.ofSeconds(60);
    private static final Duration RESTART_RESERVE = Duration.ofSeconds(150);

    private final UberJarProcess server;
    private final Settings settings;
    private final Consumer<String> progress;

    public DensityHarness(UberJarProcess server, Settings settings, Consumer<String> progress) {
        this.server = server;
        this.settings = settings;
        this.progress = progress;
    }

    public DensityReport run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Duration reserve = settings.restart() ? SEARCH_RESERVE.plus(RESTART_RESERVE) : SEARCH_RESERVE;
        long creationDeadline = start + Math.max(settings.budget().minus(reserve).toNanos(), settings.budget().toNanos() / 2);
        JsonClient client = new JsonClient(server.base());
        TenantMaker maker = new TenantMaker(client, server.adminKey(), settings);
        DensityReport report = new DensityReport(settings);
        ServerProbe probe = new ServerProbe(server.pid(), server.dataDir());
        report.baseline(probe.sample());

        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
        for (int c = 0; c < settings.clients(); c++) {
            clients.execute(() -> {
                for (int n = next.getAndIncrement(); n < settings.tenants() && System.nanoTime() < creationDeadline && maker.healthy();
                        n = next.getAndIncrement()) {
                    maker.create(n);
                }
            });
        }
        clients.shutdown();
        int step = Math.max(1, settings.tenants() / settings.checkpoints());
        int nextCheckpoint = step;
        int lastCount = 0;
        long lastNanos = start;
        while (!clients.awaitTermination(500, TimeUnit.MILLISECONDS)) {
            int created = maker.created();
            if (created >= nextCheckpoint) {
                lastNanos = checkpoint(report, probe, created, start, lastCount, lastNanos);
                lastCount = created;
                nextCheckpoint = (created / step + 1) * step;
            }
        }
        if (maker.created() > lastCount) {
            checkpoint(report, probe, maker.created(), start, lastCount, lastNanos);
        }
        report.created(maker.created(), next.get(), maker.errors(), maker.healthy());

        List<Integer> idle = maker.createdBefore(Math.min(next.get(), settings.tenants()) - RECENT);
        report.searches(search("random idle tenant", maker, idle, new Random(42)));
        report.searches(search("one open tenant", maker, idle.isEmpty() ? List.of() : List.of(idle.getFirst()), new Random(43)));
        if (settings.restart() && System.nanoTime() < start + settings.budget().toNanos() - RESTART_RESERVE.toNanos() / 2) {
            progress.accept("restarting the server");
            server.close();
            long restart = System.nanoTime();
            server.start();
            report.restarted((System.nanoTime() - restart) / 1e9);
            probe = new ServerProbe(server.pid(), server.dataDir());
            report.afterRestart(probe.sample());
            report.searches(search("random idle tenant after a restart", maker, idle, new Random(44)));
        }
        report.layout(TenantLayout.of(server.dataDir(), idle, new Random(45)));
        return report;
    }

    private long checkpoint(DensityReport report, ServerProbe probe, int created, long start, int lastCount, long lastNanos) {
        long now = System.nanoTime();
        ServerProbe.Sample sample = probe.sample();
        Checkpoint checkpoint = new Checkpoint(created, (now - start) / 1e9, (created - lastCount) / ((now - lastNanos) / 1e9), sample);
        report.checkpoint(checkpoint);
        progress.accept(String.format(Locale.ROOT, "%,d tenants in %.0f s (%.1f/s): heap %d MiB, %d open files, %.1f KiB disk per tenant, load %s",
                created, checkpoint.seconds(), checkpoint.rate(), sample.heapUsed() >> 20, sample.openFiles(),
                sample.total().allocated() / 1024.0 / created, sample.loadAverage()));
        return now;
    }

    /** {@code settings.searches} searches, one at a time, each of a tenant drawn from {@code tenants}. */
    private Searches search(String what, TenantMaker maker, List<Integer> tenants, Random random) {
        if (tenants.isEmpty()) {
            return new Searches(what, new long[0], 0);
        }
        List<Long> nanos = new ArrayList<>();
        int failures = 0;
        for (int i = 0; i < settings.searches(); i++) {
            int n = tenants.get(random.nextInt(tenants.size()));
            JsonClient.Reply reply = maker.search(n, Point.random("q", settings.dimension(), random, "{}").values());
            nanos.add(reply.answeredNanos() - reply.sentNanos());
            if (reply.status() != 200 || reply.json().getJsonArray("results").isEmpty()) {
                failures++;
                maker.error("search", reply);
            }
        }
        Searches searches = new Searches(what, nanos.stream().mapToLong(Long::longValue).toArray(), failures);
        progress.accept(String.format(Locale.ROOT, "%s: p50 %.1f ms, p99 %.1f ms, %d failed", what, searches.millis(0.5), searches.millis(0.99),
                failures));
        return searches;
    }
}
