package dev.vectorizer.adapter.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Quantization;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsReader;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.VectorUtil;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link QuantizedScorer} gives Lucene's own int8 and int4 scores bit for bit, one vector at a time and
 * in bulk, for every similarity and for dimensions that do and do not fill the vector registers (odd
 * ones too); and a
 * {@link VectorKnnQuery} walks the same graph to the same hits as Lucene's query, over several
 * segments (one too small for a graph), deletions and a filter, and rescores them exactly if asked.
 */
class QuantizedScorerTest {

    private static final String FIELD = "vector";

    @TempDir
    Path dir;

    final Random random = new Random(20261201);

    @BeforeEach
    void vectorApi() {
        assumeTrue(QuantizedScorer.AVAILABLE, "the JDK's vector API with 256-bit registers or wider");
    }

    @ParameterizedTest
    @EnumSource(value = Quantization.class, names = {"INT8", "INT4"})
    void scoresAreLucenesBitForBit(Quantization quantization) throws IOException {
        int run = 0;
        for (VectorSimilarityFunction similarity : VectorSimilarityFunction.values()) {
            for (int dimension : new int[] {16, 37, 128, 200}) {
                try (Directory directory = new MMapDirectory(dir.resolve("run" + run++))) {
                    index(directory, quantization, similarity, dimension, 300, 300);
                    try (DirectoryReader reader = DirectoryReader.open(directory)) {
                        LeafReader leaf = reader.leaves().getFirst().reader();
                        VectorKnnQuery.QuantizedSegment segment = VectorKnnQuery.QuantizedSegment.of(leaf, FIELD);
                        assertThat(segment).as("a quantized segment").isNotNull();
                        String where = quantization + ", " + similarity + ", " + dimension + " dimensions";
                        for (int q = 0; q < 5; q++) {
                            float[] target = vector(similarity, dimension);
                            assertSameScores(segment.scorer(target), lucenes(leaf, target), where);
                        }
                    }
                }
            }
        }
    }

    private void assertSameScores(RandomVectorScorer ours, RandomVectorScorer lucene, String where) throws IOException {
        for (int ord = 0; ord < lucene.maxOrd(); ord++) {
            assertThat(ours.score(ord)).as(where).isEqualTo(lucene.score(ord));
        }
        for (int count = 0; count <= 11; count++) {
            int[] ords = random.ints(count, 0, lucene.maxOrd()).toArray();
            float[] scores = new float[count];
            float max = ours.bulkScore(ords, scores, count);
            float expectedMax = Float.NEGATIVE_INFINITY;
            for (int n = 0; n < count; n++) {
                assertThat(scores[n]).as(where).isEqualTo(lucene.score(ords[n]));
                expectedMax = Math.max(expectedMax, scores[n]);
            }
            assertThat(max).isEqualTo(expectedMax);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Quantization.class, names = {"INT8", "INT4"})
    void searchesFindWhatLucenesQueryFindsAndRescoreExactly(Quantization quantization) throws IOException {
        VectorSimilarityFunction similarity = VectorSimilarityFunction.DOT_PRODUCT;
        int dimension = 24;
        try (Directory directory = new MMapDirectory(dir)) {
            // segments of 700 vectors, the last of 200
            List<float[]> vectors = new ArrayList<>(index(directory, quantization, similarity, dimension, 3000, 700));
            try (IndexWriter writer = new IndexWriter(directory, config(quantization))) {
                for (int i = 0; i < 20; i++) { // a segment too small for a graph: every vector is scored
                    vectors.add(vector(similarity, dimension));
                    writer.addDocument(document(vectors.size() - 1, vectors.getLast(), similarity));
                }
                for (int i = 0; i < 3000; i += 7) {
                    writer.deleteDocuments(new Term("id", Integer.toString(i)));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(4);
                for (LeafReaderContext leaf : reader.leaves()) {
                    assertThat(VectorKnnQuery.QuantizedSegment.of(leaf.reader(), FIELD)).as("a quantized segment").isNotNull();
                }
                IndexSearcher searcher = new IndexSearcher(reader);
                Query even = new TermQuery(new Term("parity", "even"));
                for (int q = 0; q < 30; q++) {
                    float[] target = vector(similarity, dimension);
                    for (int k : new int[] {1, 10, 50}) {
                        assertSame(searcher.search(new VectorKnnQuery(FIELD, target, k, null, false), k),
                                searcher.search(new KnnFloatVectorQuery(FIELD, target, k), k));
                        assertSame(searcher.search(new VectorKnnQuery(FIELD, target, k, even, false), k),
                                searcher.search(new KnnFloatVectorQuery(FIELD, target, k, even), k));

                        TopDocs rescored = searcher.search(new VectorKnnQuery(FIELD, target, k, null, true), k);
                        assertThat(rescored.scoreDocs).hasSize(k);
                        float previous = Float.POSITIVE_INFINITY;
                        for (ScoreDoc hit : rescored.scoreDocs) {
                            int row = searcher.storedFields().document(hit.doc).getField("row").numericValue().intValue();
                            assertThat(hit.score).as("full precision").isEqualTo(similarity.compare(target, vectors.get(row)));
                            assertThat(hit.score).isLessThanOrEqualTo(previous);
                            previous = hit.score;
                        }
                    }
                }
            }
        }
    }

    private static void assertSame(TopDocs ours, TopDocs lucenes) {
        assertThat(ours.totalHits).as("vectors visited").isEqualTo(lucenes.totalHits);
        assertThat(ours.scoreDocs).hasSameSizeAs(lucenes.scoreDocs);
        for (int i = 0; i < ours.scoreDocs.length; i++) {
            assertThat(ours.scoreDocs[i].doc).isEqualTo(lucenes.scoreDocs[i].doc);
            assertThat(ours.scoreDocs[i].score).isEqualTo(lucenes.scoreDocs[i].score);
        }
    }

    /** {@code count} random vectors (rows 0, 1, ...) in the product's codec, {@code perSegment} a segment, none merged. */
    private List<float[]> index(Directory directory, Quantization quantization, VectorSimilarityFunction similarity, int dimension,
            int count, int perSegment) throws IOException {
        List<float[]> vectors = new ArrayList<>();
        try (IndexWriter writer = new IndexWriter(directory, config(quantization).setMaxBufferedDocs(perSegment))) {
            for (int i = 0; i < count; i++) {
                vectors.add(vector(similarity, dimension));
                writer.addDocument(document(i, vectors.getLast(), similarity));
            }
        }
        return vectors;
    }

    private static IndexWriterConfig config(Quantization quantization) {
        return new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE)
                .setCodec(VectorCodecs.codec(Fixtures.collection("t", "quantized", 1, Metric.EUCLIDEAN, quantization).spec()));
    }

    private static Document document(int row, float[] vector, VectorSimilarityFunction similarity) {
        Document doc = new Document();
        doc.add(new StringField("id", Integer.toString(row), Field.Store.NO));
        doc.add(new StoredField("row", row));
        doc.add(new StringField("parity", row % 2 == 0 ? "even" : "odd", Field.Store.NO));
        doc.add(new KnnFloatVectorField(FIELD, vector, similarity));
        return doc;
    }

    private float[] vector(VectorSimilarityFunction similarity, int dimension) {
        float[] v = Fixtures.random(random, dimension);
        return similarity == VectorSimilarityFunction.DOT_PRODUCT ? VectorUtil.l2normalize(v) : v;
    }

    private static RandomVectorScorer lucenes(LeafReader leaf, float[] target) throws IOException {
        PerFieldKnnVectorsFormat.FieldsReader fields = (PerFieldKnnVectorsFormat.FieldsReader) ((CodecReader) leaf).getVectorReader();
        return ((Lucene99HnswVectorsReader) fields.getFieldReader(FIELD)).getFlatVectorsReader().getRandomVectorScorer(FIELD, target);
    }
}
