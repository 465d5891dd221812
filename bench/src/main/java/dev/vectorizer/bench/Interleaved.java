package dev.vectorizer.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ours and raw Lucene in one JVM, timed in alternating one-thread windows (ours, raw, raw, ours, ...)
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
        double[] oursRecall = recalls(ours, data, efs);
        double[] rawRecall = recalls(raw, data, efs);
        Set<List<Integer>> pairs = new LinkedHashSet<>(); // (index of ours's ef, index of raw's ef)
        for (double target : RECALL_TARGETS) {
            int a = firstReaching(oursRecall, target);
            int b = firstReaching(rawRecall, target);
            if (a >= 0 && b >= 0) {
                pairs.add(List.of(a, b));
            }
        }
        for (List<Integer> pair : pairs) {
            int oursEf = efs[pair.get(0)];
            int rawEf = efs[pair.get(1)];
            List<Double> oursQps = new ArrayList<>();
            List<Double> rawQps = new ArrayList<>();
            for (int p = 0; p < passes; p++) {
                boolean oursFirst = p % 2 == 0;
                for (int turn = 0; turn < 2; turn++) {
                    if (oursFirst == (turn == 0)) {
                        oursQps.add(Measure.window(1, Measure.clients(ours, queries, k, oursEf, 100)));
                    } else {
                        rawQps.add(Measure.window(1, Measure.clients(raw, queries, k, rawEf, 100)));
                    }
                }
            }
            Measure.emit("paired", Report.OURS, oursEf, 100, 1, oursRecall[pair.get(0)], oursQps);
            Measure.emit("paired", Report.RAW, rawEf, 100, 1, rawRecall[pair.get(1)], rawQps);
        }
    }

    private static double[] recalls(Measure.KnnSearch search, DataSet data, int[] efs) throws IOException {
        double[] recalls = new double[efs.length];
        for (int i = 0; i < efs.length; i++) {
            recalls[i] = Measure.recall(search, data.queries(), data.truth(), BenchMain.K, efs[i], 100);
        }
        return recalls;
    }

    private static int firstReaching(double[] recalls, double target) {
        for (int i = 0; i < recalls.length; i++) {
            if (recalls[i] >= target) {
                return i;
            }
        }
        return -1;
    }
}
