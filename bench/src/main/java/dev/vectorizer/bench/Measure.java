package dev.vectorizer.bench;

import jakarta.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * How a search is timed, the same way for every Java engine: recall from an untimed pass, then timed
 * passes over all queries on one thread, or windows of concurrent clients ({@link #concurrentPasses}).
 * Results go to stdout as JSON lines (the fork protocol {@link BenchMain} reads).
 */
final class Measure {

    /** One engine's search: the ids (row numbers) of the top {@code k}, keeping only rows with {@code row % 100 < percent}. */
    interface KnnSearch {
        int[] search(float[] query, int k, int ef, int percent) throws IOException;
    }

    private Measure() {
    }

    /** How long every fork searches untimed before its first timed pass. */
    static final long WARM_UP_NANOS = 20_000_000_000L;

    /**
     * JIT and page-cache warm-up before anything is timed: every ef of the run and every filter, in
     * turn, for {@link #WARM_UP_NANOS}. 5,000 searches were not enough: C2 had not yet compiled
     * Lucene's graph search, so the first efs timed (the small ones) came out 2–3× slower than larger
     * efs timed later in the same fork.
     */
    static void warmUp(KnnSearch search, float[][] queries, int[] efs, int[] percents, int k) throws IOException {
        long deadline = System.nanoTime() + WARM_UP_NANOS;
        for (int round = 0; System.nanoTime() < deadline; round++) {
            int ef = efs[round % efs.length];
            int percent = percents[round % percents.length];
            for (float[] q : queries) {
                search.search(q, k, ef, percent);
            }
        }
    }

    static double recall(KnnSearch search, float[][] queries, int[][] truth, int k, int ef, int percent) throws IOException {
        double recall = 0;
        for (int q = 0; q < queries.length; q++) {
            recall += GroundTruth.recall(truth[q], search.search(queries[q], k, ef, percent), k);
        }
        return recall / queries.length;
    }

    /** One-thread passes over all queries, each timed as a whole. */
    static List<Double> passes(KnnSearch search, float[][] queries, int k, int ef, int percent, int passes) throws IOException {
        List<Double> qps = new ArrayList<>();
        for (int p = 0; p < passes; p++) {
            qps.add(onePass(search, queries, k, ef, percent));
        }
        return qps;
    }

    private static double onePass(KnnSearch search, float[][] queries, int k, int ef, int percent) throws IOException {
        long sink = 0;
        long start = System.nanoTime();
        for (float[] q : queries) {
            sink += search.search(q, k, ef, percent).length;
        }
        double qps = queries.length / ((System.nanoTime() - start) / 1e9);
        if (sink < 0) {
            throw new AssertionError();
        }
        return qps;
    }

    /** How long each window of concurrent clients runs, unless told otherwise. */
    static final Duration WINDOW = Duration.ofSeconds(1);

    /** One client's work, one unit per call (its result only keeps the JIT from dropping the work). */
    interface Unit {
        long run() throws IOException;
    }

    /** Search clients: client {@code c} cycles through the queries from its own starting point. */
    static IntFunction<Unit> clients(KnnSearch search, float[][] queries, int k, int ef, int percent) {
        return c -> {
            int[] next = {c * 617 % queries.length};
            return () -> search.search(queries[next[0]++ % queries.length], k, ef, percent).length;
        };
    }

    /**
     * Windows of concurrent clients for each thread count (also one, so that counts compare like with
     * like), interleaved window by window (1, 2, 4, 1, 2, 4, ...): the machine's speed moves during a
     * run (the distance kernel alone moved 2× between windows of one fork: the host's other guests,
     * which a quiet-box check inside this VM cannot see), and interleaving lets every count see the
     * same moves. Units per second, by thread count, {@code passes} windows each.
     */
    static Map<Integer, List<Double>> concurrentPasses(int[] threadCounts, int passes, IntFunction<Unit> client)
            throws IOException, InterruptedException {
        Map<Integer, List<Double>> rates = new LinkedHashMap<>();
        for (int p = 0; p < passes; p++) {
            for (int threads : threadCounts) {
                rates.computeIfAbsent(threads, t -> new ArrayList<>()).add(window(threads, client, WINDOW));
            }
        }
        return rates;
    }

    /**
     * Units per second of {@code threads} clients busy for {@code length}: each stops at the window's end,
     * so all stop within one unit of each other. (Clients that each ran all queries once left a tail
     * with one thread running, in passes of ~0.1 s that one GC or JIT event skewed.)
     */
    static double window(int threads, IntFunction<Unit> client, Duration length) throws IOException, InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<IOException> failure = new AtomicReference<>();
        AtomicLong done = new AtomicLong();
        long[] start = new long[1];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Unit unit = client.apply(t);
            workers.add(Thread.ofPlatform().start(() -> {
                long units = 0;
                long sink = 0;
                try {
                    go.await();
                    long deadline = start[0] + length.toNanos();
                    while (System.nanoTime() < deadline) {
                        sink += unit.run();
                        units++;
                    }
                } catch (IOException e) {
                    failure.set(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.addAndGet(sink < 0 ? 0 : units);
            }));
        }
        start[0] = System.nanoTime();
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        long elapsed = System.nanoTime() - start[0];
        if (failure.get() != null) {
            throw failure.get();
        }
        return done.get() / (elapsed / 1e9);
    }

    /** One timed window of some kind; its rate. */
    interface Window {
        double measure() throws IOException, InterruptedException;
    }

    /**
     * {@code passes} pairs of windows, {@code a} first in the even-numbered passes and {@code b} first
     * in the odd ones, so that each pair sees the same machine and neither always runs first; the
     * rates are appended to {@code aRates} and {@code bRates}, pass by pass.
     */
    static void alternate(int passes, Window a, List<Double> aRates, Window b, List<Double> bRates)
            throws IOException, InterruptedException {
        for (int p = 0; p < passes; p++) {
            if (p % 2 == 0) {
                aRates.add(a.measure());
                bRates.add(b.measure());
            } else {
                bRates.add(b.measure());
                aRates.add(a.measure());
            }
        }
    }

    static void emitSweep(String engine, int ef, int percent, double recall, List<Double> qps) {
        emit("sweep", engine, ef, percent, 1, recall, qps);
    }

    static void emitThreads(String engine, int ef, int threads, double recall, List<Double> qps) {
        emit("threads", engine, ef, 100, threads, recall, qps);
    }

    /** One line of the fork protocol ({@link Results#add}). */
    static void emit(String kind, String engine, int ef, int percent, int threads, double recall, List<Double> qps) {
        emit(String.format(Locale.ROOT, "{\"kind\":\"%s\",\"engine\":\"%s\",\"ef\":%d,\"filter\":%d,\"threads\":%d,\"recall\":%.6f,\"qps\":[%s]}",
                kind, engine, ef, percent, threads, recall, join(qps)));
    }

    /** A line for the report's notes. */
    static void emitNote(String text) {
        emit(Json.createObjectBuilder().add("kind", "note").add("text", text).build().toString());
    }

    private static String join(List<Double> qps) {
        return qps.stream().map(q -> String.format(Locale.ROOT, "%.1f", q)).collect(Collectors.joining(","));
    }

    private static void emit(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
