package dev.vectorizer.adapter.storage.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.Match;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.VectorQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Recall@10 of the HNSW search against exact brute force on 5,000 clustered 64-d vectors (seeded),
 * with the default ef of 100, unfiltered and with a filter keeping 10 %.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LuceneRecallTest {

    private static final int N = 5_000;
    private static final int DIM = 64;
    private static final int QUERIES = 60;
    private static final int K = 10;
    private static final Filter BUCKET_3 = new Filter(List.of(new Match("bucket", 3L)), null, null);

    @TempDir
    static Path dir;

    LuceneVectorIndex index;
    final List<Vector> vectors = new ArrayList<>();
    final List<float[]> queries = new ArrayList<>();
    /** Exact top-10 ids per query, by "metric/filtered". */
    final Map<String, List<Set<String>>> truth = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    void data() {
        index = new LuceneVectorIndex(new DataDirectory(dir), 16, Duration.ofHours(1), Duration.ZERO);
        Random random = new Random(42);
        int clusters = 100;
        List<float[]> centres = new ArrayList<>();
        for (int c = 0; c < clusters; c++) {
            float[] centre = Fixtures.random(random, DIM);
            for (int d = 0; d < DIM; d++) {
                centre[d] *= 1.5f;
            }
            centres.add(centre);
        }
        for (int i = 0; i < N; i++) {
            vectors.add(Fixtures.vector(String.format("v%05d", i), near(random, centres.get(random.nextInt(clusters)), 1.0f),
                    new Payload(Map.of("bucket", (long) (i % 10)))));
        }
        for (int q = 0; q < QUERIES; q++) {
            queries.add(near(random, centres.get(random.nextInt(clusters)), 1.5f));
        }
    }

    @AfterAll
    void close() {
        index.close();
    }

    private static float[] near(Random random, float[] centre, float spread) {
        float[] v = new float[centre.length];
        for (int d = 0; d < v.length; d++) {
            v[d] = centre[d] + spread * (float) random.nextGaussian();
        }
        return v;
    }

    private double recall(Collection c, Metric metric, Optional<Filter> filter, int ef) {
        double total = 0;
        List<Set<String>> truths = truth.computeIfAbsent(metric + "/" + filter.isPresent(), key -> queries.stream().map(q -> {
            List<Vector> candidates = vectors.stream().filter(v -> filter.map(f -> f.matches(v.payload())).orElse(true)).toList();
            double[] scores = candidates.stream().mapToDouble(v -> Fixtures.exactScore(metric, q, v.values())).toArray();
            return (Set<String>) new HashSet<>(IntStream.range(0, candidates.size()).boxed()
                    .sorted(Comparator.comparingDouble(i -> -scores[i])).limit(K)
                    .map(i -> candidates.get(i).id().value()).toList());
        }).toList());
        for (int n = 0; n < queries.size(); n++) {
            float[] q = queries.get(n);
            Set<String> truth = truths.get(n);
            List<ScoredPoint> hits = index.search(c, new VectorQuery(q, K, ef, filter, false, false));
            assertThat(hits).hasSize(K);
            filter.ifPresent(f -> assertThat(hits).allMatch(h -> Integer.parseInt(h.id().value().substring(1)) % 10 == 3));
            for (int i = 1; i < hits.size(); i++) {
                assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
            }
            total += hits.stream().filter(h -> truth.contains(h.id().value())).count() / (double) K;
        }
        return total / queries.size();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "COSINE, NONE, 0.95, 0.95",
            "EUCLIDEAN, NONE, 0.95, 0.95",
            "DOT_PRODUCT, NONE, 0.95, 0.95",
            "COSINE, INT8, 0.90, 0.90",
            "COSINE, INT4, 0.90, 0.90",
            "COSINE, BINARY, 0.85, 0.85"})
    void recallAt10AgainstBruteForce(Metric metric, Quantization quantization, double floor, double filteredFloor) {
        String name = (metric.wireName() + "-" + quantization.wireName()).replace('_', '-');
        Collection c = Fixtures.collection("t1", name, DIM, metric, quantization);
        index.create(c);
        // one batch, so one segment: the search goes through a single 5,000-node HNSW graph
        // (several small segments would make the test easy: each is searched with k = ef)
        long start = System.nanoTime();
        index.upsert(c, vectors);
        long built = System.nanoTime();
        double recall = recall(c, metric, Optional.empty(), VectorQuery.DEFAULT_EF);
        double filtered = recall(c, metric, Optional.of(BUCKET_3), VectorQuery.DEFAULT_EF);
        // for information: the narrowest beam (ef = limit = 10)
        double narrow = recall(c, metric, Optional.empty(), K);
        double narrowFiltered = recall(c, metric, Optional.of(BUCKET_3), K);
        System.out.printf(Locale.ROOT, "recall@10 %-11s %-6s ef=100: %.3f, with 10%% filter: %.3f | ef=10: %.3f, with filter: %.3f"
                + " (build %d ms, queries %d ms)%n", metric, quantization, recall, filtered, narrow, narrowFiltered,
                (built - start) / 1_000_000, (System.nanoTime() - built) / 1_000_000);
        assertThat(recall).isGreaterThanOrEqualTo(floor);
        assertThat(filtered).isGreaterThanOrEqualTo(filteredFloor);
    }
}
