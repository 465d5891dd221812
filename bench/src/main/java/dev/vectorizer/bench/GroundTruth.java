package dev.vectorizer.bench;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.VectorUtil;

/**
 * Exact k nearest neighbours by brute force, for unit-length vectors (cosine = dot product),
 * queries spread over all cores. Ties are broken by the lower id.
 */
public final class GroundTruth {

    private GroundTruth() {
    }

    public static int[][] compute(float[][] base, float[][] queries, int k) throws InterruptedException {
        return compute(base, queries, k, id -> true);
    }

    /** The exact top {@code k} among the ids {@code keep} accepts (a filtered search's truth). */
    public static int[][] compute(float[][] base, float[][] queries, int k, java.util.function.IntPredicate keep) throws InterruptedException {
        int threads = Runtime.getRuntime().availableProcessors();
        int[][] truth = new int[queries.length][];
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int q = first; q < queries.length; q += threads) {
                        truth[q] = topK(base, queries[q], k, keep);
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("ground truth failed", e.getCause());
        }
        return truth;
    }

    static int[] topK(float[][] base, float[] query, int k, java.util.function.IntPredicate keep) {
        // a small sorted insertion buffer: k is 10..100
        float[] scores = new float[k];
        int[] ids = new int[k];
        Arrays.fill(scores, Float.NEGATIVE_INFINITY);
        Arrays.fill(ids, Integer.MAX_VALUE);
        for (int i = 0; i < base.length; i++) {
            if (!keep.test(i)) {
                continue;
            }
            float s = VectorUtil.dotProduct(base[i], query);
            if (s <= scores[k - 1]) {
                continue;
            }
            int pos = k - 1;
            while (pos > 0 && scores[pos - 1] < s) {
                scores[pos] = scores[pos - 1];
                ids[pos] = ids[pos - 1];
                pos--;
            }
            scores[pos] = s;
            ids[pos] = i;
        }
        return ids;
    }

    /** Fraction of the true top {@code k} found among {@code found} (its first {@code k}). */
    public static double recall(int[] truth, int[] found, int k) {
        int hits = 0;
        for (int i = 0; i < Math.min(k, found.length); i++) {
            for (int j = 0; j < k; j++) {
                if (truth[j] == found[i]) {
                    hits++;
                    break;
                }
            }
        }
        return hits / (double) k;
    }
}
