package dev.vectorizer.bench;

import dev.vectorizer.domain.HnswSettings;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Per-request overhead of authentication, tenant scoping, quotas and rate limiting: the same search
 * against a {@code single}-mode server (no credentials, no limits) and a {@code standalone} one (API
 * key lookup and hash check, tenant status, permission matrix, and a tenant plan with capacity
 * quotas and per-minute, per-hour and per-day rate limits that every request is counted against and
 * answered with {@code RateLimit-*} headers for), both running at once on this machine with the
 * same data, measured in alternating rounds so that drift affects both alike. The plan's limits are
 * far above what a run can reach, so nothing is ever refused: the cost measured is the checking.
 *
 * <pre>bench/run-auth-overhead.sh [--requests 20000] [--threads 4] [--rounds 3]</pre>
 */
public final class AuthOverheadBench {

    /** One batch, so both servers hold the same single segment and search costs the same. */
    private static final int VECTORS = 1_000;
    private static final int DIMENSION = 128;
    private static final int QUERIES = 200;
    private static final int EF = 32;
    /** The standalone tenant's plan: every limit set, none reachable (a run sends well under 10 million searches a minute). */
    static final String PLAN = "{\"max_collections\":10,\"max_vectors\":1000000,\"max_storage_bytes\":1000000000,"
            + "\"rpm\":10000000,\"rph\":100000000,\"rpd\":1000000000}";

    /** One measured round of one server. */
    record Round(String mode, double requestsPerSecond, long[] latenciesNanos) {

        double percentileMillis(double p) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }

    private AuthOverheadBench() {
    }

    public static void main(String[] args) throws Exception {
        int requests = intArg(args, "--requests", 20_000);
        int threads = intArg(args, "--threads", 4);
        int rounds = intArg(args, "--rounds", 3);
        Path jar = Path.of(stringArg(args, "--jar", "deploy/target/vectorizer.jar"));
        Path work = Files.createTempDirectory("vectorizer-auth-overhead");

        ClusteredDataSet shape = new ClusteredDataSet(100, DIMENSION, 42);
        float[][] base = shape.sample(VECTORS, 1);
        float[][] queries = shape.sample(QUERIES, 2);
        Path singleData = work.resolve("single");
        Path standaloneData = work.resolve("standalone");
        try (RestRunner single = RestRunner.start(jar, singleData, work.resolve("single.log"), "single", List.of());
             RestRunner standalone = RestRunner.start(jar, standaloneData, work.resolve("standalone.log"), "standalone",
                     List.of("-Dvectorizer.auth.brute-force.max-failures=1000"))) {
            standalone.actAsNewTenant(standaloneData, "bench", PLAN);
            for (RestRunner server : List.of(single, standalone)) {
                server.createCollection("bench", DIMENSION, HnswSettings.DEFAULT);
                server.ingest("bench", base);
            }
            List<Round> measured = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                for (RestRunner server : List.of(single, standalone)) {
                    Round result = load(server == single ? "single" : "standalone", server, queries, requests, threads);
                    Log.info(String.format(Locale.ROOT, "round %d %s: %.0f req/s", round, result.mode(), result.requestsPerSecond()));
                    if (round > 0) { // round 0 warms both servers up
                        measured.add(result);
                    }
                }
            }
            System.out.println(report(measured, requests, threads, rounds));
        }
    }

    /** {@code threads} clients send {@code requests} searches in all, as fast as answers come. */
    private static Round load(String mode, RestRunner server, float[][] queries, int requests, int threads) throws Exception {
        List<HttpRequest> searches = Arrays.stream(queries).map(q -> server.searchRequest("bench", q, EF)).toList();
        long[] latencies = new long[requests];
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(clients.submit(() -> {
                    for (int i = first; i < requests; i += threads) {
                        long sent = System.nanoTime();
                        server.send(searches.get(i % searches.size()));
                        latencies[i] = System.nanoTime() - sent;
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return new Round(mode, requests / ((System.nanoTime() - start) / 1e9), latencies);
        } finally {
            clients.shutdownNow();
        }
    }

    private static String report(List<Round> rounds, int requests, int threads, int count) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "### Per-request overhead of authentication, tenant scoping, quotas and rate limits (%d searches per round, %d client threads, %d rounds, %d x %d vectors, ef %d)%n%n",
                requests, threads, count, VECTORS, DIMENSION, EF));
        out.append("| mode | req/s (median of rounds) | p50 ms | p99 ms |\n|---|---:|---:|---:|\n");
        double[] single = summary(rounds, "single");
        double[] standalone = summary(rounds, "standalone");
        out.append(String.format(Locale.ROOT, "| single (no auth) | %,.0f | %.2f | %.2f |%n", single[0], single[1], single[2]));
        out.append(String.format(Locale.ROOT, "| standalone (API key, tenant, permissions, quota, rate limits) | %,.0f | %.2f | %.2f |%n",
                standalone[0], standalone[1], standalone[2]));
        out.append(String.format(Locale.ROOT, "%nThroughput ratio standalone / single: **%.3f** (target ≥ 0.95); added latency p50 %+.2f ms, p99 %+.2f ms.%n",
                standalone[0] / single[0], standalone[1] - single[1], standalone[2] - single[2]));
        return out.toString();
    }

    /** Median over the rounds of throughput, p50 and p99. */
    private static double[] summary(List<Round> rounds, String mode) {
        List<Round> of = rounds.stream().filter(r -> r.mode().equals(mode)).toList();
        return new double[] {
            median(of.stream().mapToDouble(Round::requestsPerSecond).toArray()),
            median(of.stream().mapToDouble(r -> r.percentileMillis(0.50)).toArray()),
            median(of.stream().mapToDouble(r -> r.percentileMillis(0.99)).toArray())};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    static int intArg(String[] args, String name, int defaultValue) {
        return Integer.parseInt(stringArg(args, name, String.valueOf(defaultValue)));
    }

    static String stringArg(String[] args, String name, String defaultValue) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return defaultValue;
    }
}
