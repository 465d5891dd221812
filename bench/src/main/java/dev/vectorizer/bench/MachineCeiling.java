package dev.vectorizer.bench;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.apache.lucene.util.VectorUtil;

/**
 * What the machine itself gives a second thread, measured on the distance kernel alone: clients
 * that each score a query against random rows of the data set (the memory access of a graph walk,
 * no graph, no Lucene index), with Lucene's dot product (Panama SIMD, as every search here uses it)
 * and with a plain scalar loop. Two threads of the scalar loop scale as the cores do; where the SIMD
 * kernel scales less, no search built on it can scale more, ours or raw Lucene's.
 */
final class MachineCeiling {

    static final String SIMD = "Lucene's dot product (SIMD), random rows";
    static final String SCALAR = "plain Java dot product (scalar), random rows";
    /** Rows scored per unit of work: about what one graph walk at ef 32 visits. */
    private static final int ROWS_PER_UNIT = 500;

    private MachineCeiling() {
    }

    /** Emits, for each kernel and thread count, the dot products per second of {@code passes} windows. */
    static void run(DataSet data, int[] threadCounts, int passes) throws IOException, InterruptedException {
        float[][] rows = data.base();
        float[][] queries = data.queries();
        for (String kernel : List.of(SIMD, SCALAR)) {
            boolean simd = kernel.equals(SIMD);
            IntFunction<Measure.Unit> clients = client -> unit(rows, queries, client, simd);
            Measure.concurrentPasses(threadCounts, 2, clients); // warm-up
            Measure.concurrentPasses(threadCounts, passes, clients).forEach((threads, units) ->
                    Measure.emit("kernel", kernel, 0, 100, threads, 0, units.stream().map(u -> u * ROWS_PER_UNIT).toList()));
        }
    }

    private static Measure.Unit unit(float[][] rows, float[][] queries, int client, boolean simd) {
        SplittableRandom random = new SplittableRandom(client);
        int[] order = random.ints(1 << 16, 0, rows.length).toArray(); // drawn up front: the loop only scores
        int[] at = {0};
        return () -> {
            float[] query = queries[at[0] % queries.length];
            float sum = 0;
            for (int i = 0; i < ROWS_PER_UNIT; i++) {
                float[] row = rows[order[at[0]++ & (order.length - 1)]];
                sum += simd ? VectorUtil.dotProduct(query, row) : scalarDot(query, row);
            }
            return Float.isNaN(sum) ? 0 : 1;
        };
    }

    private static float scalarDot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
