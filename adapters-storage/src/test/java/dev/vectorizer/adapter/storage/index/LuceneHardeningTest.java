package dev.vectorizer.adapter.storage.index;

import static dev.vectorizer.adapter.storage.index.Fixtures.collection;
import static dev.vectorizer.adapter.storage.index.Fixtures.ids;
import static dev.vectorizer.adapter.storage.index.Fixtures.scrollAll;
import static dev.vectorizer.adapter.storage.index.Fixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.Match;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.VectorQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Inputs the engine once choked on (issue S): each collection stays usable, every acknowledged write
 * survives a crash, and no search fails or returns a non-finite score.
 */
class LuceneHardeningTest extends IndexInTempDir {

    @BeforeEach
    void open() {
        openWithoutBackgroundCommits();
    }

    private void crashAndReopen() throws IOException {
        IndexTestSeam.crash(index);
        open();
    }

    private static VectorQuery near(float[] vector, Optional<Filter> filter) {
        return new VectorQuery(vector, 10, 100, filter, false, false);
    }

    /** Every route of the collection answers and it holds exactly {@code expected}. */
    private void assertUsable(Collection c, List<String> expected) {
        assertThat(ids(scrollAll(index, c, Optional.empty(), 100))).containsExactlyElementsOf(expected);
        assertThat(index.stats(c).vectorCount()).isEqualTo(expected.size());
        float[] probe = new float[c.spec().dimension()];
        probe[0] = 1;
        List<ScoredPoint> hits = index.search(c, near(probe, Optional.empty()));
        assertThat(hits).hasSize(Math.min(10, expected.size())).extracting(h -> h.id().value()).isSubsetOf(expected);
        assertThat(hits).allSatisfy(h -> assertThat(Float.isFinite(h.score())).isTrue());
        assertThat(index.get(c, new VectorId(expected.getFirst()))).isPresent();
    }

    @ParameterizedTest
    @EnumSource(value = Quantization.class, names = {"INT8", "INT4", "BINARY"})
    void oppositeCosineVectorsInOneBatchDoNotBrickAQuantizedCollection(Quantization quantization) throws IOException {
        Collection c = collection("t1", "opposite", 4, Metric.COSINE, quantization);
        index.create(c);
        index.upsert(c, List.of(vector("a", new float[] {1, 0, 0, 0}, Payload.EMPTY), vector("b", new float[] {-1, 0, 0, 0}, Payload.EMPTY)));
        assertUsable(c, List.of("a", "b"));
        index.upsert(c, List.of(vector("c", new float[] {0, 1, 0, 0}, Payload.EMPTY)));
        assertUsable(c, List.of("a", "b", "c"));

        crashAndReopen();
        assertUsable(c, List.of("a", "b", "c"));
        index.close();
        open();
        assertUsable(c, List.of("a", "b", "c"));
    }

    @ParameterizedTest
    @EnumSource(value = Quantization.class, names = {"INT8", "INT4", "BINARY"})
    void oppositeCosineVectorsAcknowledgedApartSurviveAReplayThatIndexesThemTogether(Quantization quantization) throws IOException {
        Collection c = collection("t1", "apart", 4, Metric.COSINE, quantization);
        index.create(c);
        index.upsert(c, List.of(vector("a", new float[] {1, 0, 0, 0}, Payload.EMPTY)));
        index.upsert(c, List.of(vector("b", new float[] {-2, 0, 0, 0}, Payload.EMPTY)));

        crashAndReopen();
        assertUsable(c, List.of("a", "b"));
        index.upsert(c, List.of(vector("c", new float[] {0, 0, 1, 0}, Payload.EMPTY)));
        crashAndReopen();
        assertUsable(c, List.of("a", "b", "c"));
    }

    @ParameterizedTest
    @EnumSource(value = Quantization.class, names = {"INT8", "INT4", "BINARY"})
    void aLegacyQuantizedCosineIndexThatNoLongerCommitsIsUpgradedAndLosesNothing(Quantization quantization) throws IOException {
        Collection c = collection("t1", "legacy", 4, Metric.COSINE, quantization);
        // as the previous version left it: index/ and translog/ apart, Lucene's COSINE, no similarity in
        // the commit, and an acknowledged batch in the translog that the COSINE quantized format cannot flush
        Files.createDirectories(IndexTestSeam.paths(dir, c).root().resolve("translog"));
        CollectionPaths paths = IndexTestSeam.paths(dir, c);
        try (Directory directory = new MMapDirectory(paths.index());
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
                        .setCodec(VectorCodecs.codec(c.spec())))) {
            writer.addDocument(VectorDocuments.toDocument(vector("kept", new float[] {0, 1, 0, 0}, Payload.EMPTY),
                    VectorSpace.legacy(Metric.COSINE)));
            writer.setLiveCommitData(Map.of(CommitData.GENERATION_KEY, "1").entrySet());
            writer.commit();
        }
        try (Translog translog = Translog.create(paths.translog(), 1)) {
            translog.sync(translog.append(new TranslogOperation.Upsert(List.of(vector("a", new float[] {1, 0, 0, 0}, Payload.EMPTY),
                    vector("b", new float[] {-1, 0, 0, 0}, Payload.EMPTY))).encode()));
        }

        assertUsable(c, List.of("a", "b", "kept"));
        assertThat(paths.indexUpgrade()).doesNotExist();
        assertThat(paths.indexBeforeUpgrade()).doesNotExist();
        index.upsert(c, List.of(vector("c", new float[] {-1, 0, 0, 0}, Payload.EMPTY)));
        crashAndReopen();
        assertUsable(c, List.of("a", "b", "c", "kept"));
    }

    @ParameterizedTest
    @EnumSource(Quantization.class)
    void searchWithNoCandidatesIsEmptyNotAnError(Quantization quantization) {
        Collection c = collection("t1", "empty", 3, Metric.COSINE, quantization);
        index.create(c);
        assertThat(index.search(c, near(new float[] {1, 2, 3}, Optional.empty()))).isEmpty();
        index.upsert(c, List.of(vector("a", new float[] {1, 0, 0}, new Payload(Map.of("color", "red")))));
        Filter blue = new Filter(List.of(new Match("color", "blue")), null, null);
        assertThat(index.search(c, near(new float[] {1, 2, 3}, Optional.of(blue)))).isEmpty();
        assertThat(index.search(c, near(new float[] {1, 2, 3}, Optional.empty()))).extracting(h -> h.id().value()).containsExactly("a");
    }

    @ParameterizedTest
    @EnumSource(Quantization.class)
    void tinyCosineVectorsAreScoredLikeTheirDirection(Quantization quantization) {
        Collection c = collection("t1", "tiny", 4, Metric.COSINE, quantization);
        index.create(c);
        index.upsert(c, List.of(vector("tiny", new float[] {1e-30f, 1e-30f, 0, 0}, Payload.EMPTY),
                vector("other", new float[] {0, 0, 1, 0}, Payload.EMPTY)));
        List<ScoredPoint> hits = index.search(c, near(new float[] {1, 1, 0, 0}, Optional.empty()));
        assertThat(hits).extracting(h -> h.id().value()).containsExactly("tiny", "other");
        assertThat((double) hits.getFirst().score()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-3));
        // and a tiny query finds the same
        assertThat(index.search(c, near(new float[] {1e-30f, 1e-30f, 0, 0}, Optional.empty())).getFirst().id().value()).isEqualTo("tiny");
        // the values read back are exactly the ones written
        assertThat(index.get(c, new VectorId("tiny")).orElseThrow().values()).containsExactly(1e-30f, 1e-30f, 0, 0);
    }

    @Test
    void aStoredVectorWithANonFiniteScoreNeverReachesTheCaller() {
        // a legacy index may hold vectors written before the domain refused them; Lucene scores them NaN
        Collection c = collection("t1", "nan", 4, Metric.DOT_PRODUCT, Quantization.NONE);
        index.create(c);
        index.upsert(c, List.of(vector("huge", new float[] {3e38f, 3e38f, 3e38f, 3e38f}, Payload.EMPTY),
                vector("fine", new float[] {1, 0, 0, 0}, Payload.EMPTY)));
        List<ScoredPoint> hits = index.search(c, near(new float[] {1, 1, 1, 1}, Optional.empty()));
        assertThat(hits).allSatisfy(h -> assertThat(Float.isFinite(h.score())).as("score of %s", h.id()).isTrue());
        assertThat(hits).extracting(h -> h.id().value()).contains("fine");
    }

    @Test
    void vectorsAtTheLengthLimitScoreFinitelyInEveryMetricAndQuantization() {
        float big = (float) (Metric.MAX_LENGTH / 2); // two components: length is MAX_LENGTH / sqrt(2)
        for (Quantization quantization : Quantization.values()) {
            for (Metric metric : Metric.values()) {
                Collection c = collection("t1", "lim-" + metric.wireName().replace('_', '-') + "-" + quantization.wireName(), 2, metric, quantization);
                index.create(c);
                List<Vector> vectors = List.of(vector("pp", new float[] {big, big}, Payload.EMPTY),
                        vector("pn", new float[] {big, -big}, Payload.EMPTY), vector("nn", new float[] {-big, -big}, Payload.EMPTY),
                        vector("small", new float[] {1, 2}, Payload.EMPTY));
                index.upsert(c, vectors);
                for (Vector query : vectors) {
                    List<ScoredPoint> hits = index.search(c, near(query.values(), Optional.empty()));
                    assertThat(hits).as("%s %s near %s", metric, quantization, query.id()).hasSize(4)
                            .allSatisfy(h -> assertThat(Float.isFinite(h.score())).isTrue());
                }
            }
        }
    }
}
