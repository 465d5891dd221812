package dev.vectorizer.bench.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Times of the answers a harness got, by operation, and their percentiles. Thread-safe. */
public final class Latencies {

    private final Map<String, List<Long>> nanosByOperation = new TreeMap<>();

    /** Records how long {@code reply} took, under {@code operation}. */
    public synchronized void add(String operation, JsonClient.Reply reply) {
        nanosByOperation.computeIfAbsent(operation, o -> new ArrayList<>()).add(reply.answeredNanos() - reply.sentNanos());
    }

    public synchronized List<String> operations() {
        return List.copyOf(nanosByOperation.keySet());
    }

    public synchronized int count(String operation) {
        return nanosByOperation.getOrDefault(operation, List.of()).size();
    }

    /** The {@code p}-quantile (0 < p ≤ 1, nearest rank) of {@code operation}'s times in milliseconds; NaN if none. */
    public synchronized double percentileMillis(String operation, double p) {
        long[] sorted = nanosByOperation.getOrDefault(operation, List.of()).stream().mapToLong(Long::longValue).toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
