package dev.vectorizer.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * How a search is timed, the same way for every Java engine: recall from an untimed pass, then timed
 * passes over all queries; with several threads each runs through every query (starting at a different
 * one) and the pass's QPS is all their queries over the wall time. Results go to stdout as JSON lines
 * (the fork protocol {@link BenchMain} reads).
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

    static List<Double> passes(KnnSearch search, float[][] queries, int k, int ef, int percent, int threads, int passes)
            throws IOException, InterruptedException {
        List<Double> qps = new ArrayList<>();
        for (int p = 0; p < passes; p++) {
            qps.add(threads == 1 ? onePass(search, queries, k, ef, percent) : parallelPass(search, queries, k, ef, percent, threads));
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

    private static double parallelPass(KnnSearch search, float[][] queries, int k, int ef, int percent, int threads)
            throws InterruptedException, IOException {
        CountDownLatch go = new CountDownLatch(1);
        AtomicReference<IOException> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * queries.length / threads;
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    for (int i = 0; i < queries.length; i++) {
                        search.search(queries[(offset + i) % queries.length], k, ef, percent);
                    }
                } catch (IOException e) {
                    failure.set(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        double qps = (double) threads * queries.length / ((System.nanoTime() - start) / 1e9);
        if (failure.get() != null) {
            throw failure.get();
        }
        return qps;
    }

    static void emitSweep(String engine, int ef, int percent, double recall, List<Double> qps) {
        emit(String.format(Locale.ROOT, "{\"kind\":\"sweep\",\"engine\":\"%s\",\"ef\":%d,\"filter\":%d,\"recall\":%.6f,\"qps\":[%s]}",
                engine, ef, percent, recall, join(qps)));
    }

    static void emitThreads(String engine, int ef, int threads, double recall, List<Double> qps) {
        emit(String.format(Locale.ROOT, "{\"kind\":\"threads\",\"engine\":\"%s\",\"ef\":%d,\"threads\":%d,\"recall\":%.6f,\"qps\":[%s]}",
                engine, ef, threads, recall, join(qps)));
    }

    private static String join(List<Double> qps) {
        return qps.stream().map(q -> String.format(Locale.ROOT, "%.1f", q)).collect(Collectors.joining(","));
    }

    private static void emit(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
