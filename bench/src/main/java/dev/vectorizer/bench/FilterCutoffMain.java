package dev.vectorizer.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.knn.KnnCollectorManager;
import org.apache.lucene.search.knn.KnnSearchStrategy;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.VectorUtil;

/**
 * Where an exact scan of a filter's vectors beats Lucene's filtered graph walk: on an index our engine
 * built (payload {@code bucket = row % 100}), for each kept share and ef, the QPS of a plain filtered
 * {@link KnnFloatVectorQuery} (Lucene's own choice: a graph walk with its visit limit, or an exact scan when
 * the filter passes no more than k), of the same with Lucene's filtered graph search
 * ({@link KnnSearchStrategy.Hnsw} with a threshold of 60 %, off by default) and of the same query forced
 * to score the filter's vectors exactly. They alternate pass by pass in one JVM; the engine's
 * exact-search threshold is read off this table.
 *
 * <pre>
 * FilterCutoffMain --data DIR --index DIR [--percents 1,2,5,10,20] [--efs 10,16,32,64,100,160] [--passes 3]
 * </pre>
 */
public final class FilterCutoffMain {

    private FilterCutoffMain() {
    }

    public static void main(String[] args) throws Exception {
        ForkMain.Options options = ForkMain.Options.parse(args);
        DataSet data = DataSet.open(Path.of(options.get("data")));
        float[][] queries = Arrays.stream(data.queries()).map(q -> VectorUtil.l2normalize(q.clone())).toArray(float[][]::new);
        int passes = options.integer("passes", 3);
        try (Directory directory = new MMapDirectory(Path.of(options.get("index"))); DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            int[] percents = options.ints("percents", "1,2,5,10,20");
            int[] efs = options.ints("efs", "10,16,32,64,100,160");
            long warmUp = System.nanoTime() + Measure.WARM_UP_NANOS;
            for (int round = 0; System.nanoTime() < warmUp; round++) {
                qps(searcher, queries, efs[round % efs.length], percents[round % percents.length], Mode.values()[round % 3]);
            }
            System.out.println("| kept | matching | ef | Lucene's choice QPS | filtered strategy QPS | exact QPS | exact / Lucene | exact / filtered |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (int percent : percents) {
                int matching = searcher.count(filter(percent));
                for (int ef : efs) {
                    List<List<Double>> qps = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                    for (int p = 0; p < passes; p++) {
                        for (Mode mode : Mode.values()) {
                            qps.get(mode.ordinal()).add(qps(searcher, queries, ef, percent, mode));
                        }
                    }
                    double l = median(qps.get(0));
                    double f = median(qps.get(1));
                    double e = median(qps.get(2));
                    System.out.printf(Locale.ROOT, "| %d %% | %d | %d | %,.0f | %,.0f | %,.0f | %.2f× | %.2f× |%n", percent, matching, ef, l, f, e, e / l, e / f);
                    System.out.flush();
                }
            }
        }
        System.exit(0);
    }

    private static Query filter(int percent) {
        return DoublePoint.newRangeQuery("pn.bucket", Double.NEGATIVE_INFINITY, Math.nextDown((double) percent));
    }

    private enum Mode { LUCENE, FILTERED_STRATEGY, EXACT }

    private static double qps(IndexSearcher searcher, float[][] queries, int ef, int percent, Mode mode) throws IOException {
        Query filter = filter(percent);
        long hits = 0;
        long start = System.nanoTime();
        for (float[] q : queries) {
            Query knn = switch (mode) {
                case LUCENE -> new KnnFloatVectorQuery("vector", q, ef, filter);
                case FILTERED_STRATEGY -> new KnnFloatVectorQuery("vector", q, ef, filter, new KnnSearchStrategy.Hnsw(60));
                case EXACT -> new ExactKnnQuery(q, ef, filter);
            };
            hits += searcher.search(knn, BenchMain.K).scoreDocs.length;
        }
        if (hits < 0) {
            throw new AssertionError();
        }
        return queries.length / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Never walks the graph: the empty, incomplete walk makes Lucene score the filter's vectors exactly. */
    private static final class ExactKnnQuery extends KnnFloatVectorQuery {

        ExactKnnQuery(float[] target, int k, Query filter) {
            super("vector", target, k, filter);
        }

        @Override
        protected TopDocs approximateSearch(LeafReaderContext context, AcceptDocs acceptDocs, int visitedLimit, KnnCollectorManager manager) {
            return new TopDocs(new TotalHits(0, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), new ScoreDoc[0]);
        }
    }
}
