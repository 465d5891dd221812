package dev.vectorizer.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Ours and raw Lucene in one JVM, timed in alternating one-thread windows ({@link Measure#alternate})
 * at the ef where each first reaches each recall target: the machine's speed moves during a run by
 * more than the 5 % the target leaves (the host's other guests; see {@link Measure#concurrentPasses}),
 * and windows a second apart see the same machine, where forks minutes apart do not. Both engines run
 * Lucene's own graph search, so one JVM's compiled code serves both. Emits kind {@code paired}.
 */
final class Interleaved {

    static final double[] RECALL_TARGETS = {0.95, 0.99};

    private Interleaved() {
    }

    static void run(DataSet data, Measure.KnnSearch ours, Measure.KnnSearch raw, int[] efs, int passes)
            throws IOException, InterruptedException {
        float[][] queries = data.queries();
        int k = BenchMain.K;
        Measure.warmUp(ours, queries, efs, new int[] {100}, k);
        Measure.warmUp(raw, queries, efs, new int[] {100}, k);
        List<Sweep> oursRecalls = recalls(Report.OURS, ours, data, efs);
        List<Sweep> rawRecalls = recalls(Report.RAW, raw, data, efs);
        Set<List<Sweep>> pairs = new LinkedHashSet<>(); // (ours's point, raw's point), once each
        for (double target : RECALL_TARGETS) {
            Optional<Sweep> a = Sweep.firstReaching(oursRecalls, target);
            Optional<Sweep> b = Sweep.firstReaching(rawRecalls, target);
            if (a.isPresent() && b.isPresent()) {
                pairs.add(List.of(a.get(), b.get()));
            }
        }
        for (List<Sweep> pair : pairs) {
            Sweep oursPoint = pair.get(0);
            Sweep rawPoint = pair.get(1);
            IntFunction<Measure.Unit> oursClient = Measure.clients(ours, queries, k, oursPoint.ef(), 100);
            IntFunction<Measure.Unit> rawClient = Measure.clients(raw, queries, k, rawPoint.ef(), 100);
            List<Double> oursQps = new ArrayList<>();
            List<Double> rawQps = new ArrayList<>();
            Measure.alternate(passes, () -> Measure.window(1, oursClient, Measure.WINDOW), oursQps,
                    () -> Measure.window(1, rawClient, Measure.WINDOW), rawQps);
            Measure.emit("paired", Report.OURS, oursPoint.ef(), 100, 1, oursPoint.recall(), oursQps);
            Measure.emit("paired", Report.RAW, rawPoint.ef(), 100, 1, rawPoint.recall(), rawQps);
        }
    }

    /** Each ef's recall, as points without timings. */
    private static List<Sweep> recalls(String engine, Measure.KnnSearch search, DataSet data, int[] efs) throws IOException {
        List<Sweep> points = new ArrayList<>();
        for (int ef : efs) {
            points.add(new Sweep(engine, ef, Measure.recall(search, data.queries(), data.truth(), BenchMain.K, ef, 100), List.of()));
        }
        return points;
    }
}
