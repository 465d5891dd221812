package dev.vectorizer.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** Result of one engine at one ef: recall@10 and the QPS of every timed pass (over all forks). */
public record Sweep(String engine, int ef, double recall, List<Double> qps) {

    public Sweep {
        qps = List.copyOf(qps);
    }

    public double median() {
        return median(qps);
    }

    /**
     * The median over passes of this point's pass divided by {@code other}'s pass of the same number,
     * for two points timed in alternating windows (each pass beside the other's, in the same order in
     * every fork), else NaN. Each ratio compares one moment of the machine, whose speed moves by up to
     * 2.5× between minutes of a run: the ratio of the two medians mixes its slow and fast minutes (one
     * run's pooled medians gave 0.84× where the median of its ten window pairs was 0.99×).
     */
    public double pairedRatio(Sweep other) {
        if (qps.size() != other.qps.size()) {
            return Double.NaN;
        }
        return median(IntStream.range(0, qps.size()).mapToObj(i -> qps.get(i) / other.qps.get(i)).toList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public double min() {
        return qps.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    public double max() {
        return qps.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** The same ef with more passes (from another fork) added; recall must agree (the index is the same). */
    public Sweep merge(Sweep other) {
        List<Double> all = new ArrayList<>(qps);
        all.addAll(other.qps);
        return new Sweep(engine, ef, (recall + other.recall) / 2, all);
    }

    /** The fastest sweep point reaching {@code recall}, if any: the smallest such ef. */
    public static Optional<Sweep> firstReaching(List<Sweep> sweeps, double recall) {
        return sweeps.stream().filter(s -> s.recall() >= recall).min(Comparator.comparingInt(Sweep::ef));
    }
}
