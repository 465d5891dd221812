package dev.vectorizer.adapter.storage.index;

import static dev.vectorizer.adapter.storage.index.Fixtures.collection;
import static dev.vectorizer.adapter.storage.index.Fixtures.scrollAll;
import static dev.vectorizer.adapter.storage.index.Fixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.VectorQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vectors are stored once (the index's own float32 values plus, for cosine, a few bytes to undo the
 * normalisation), and every way of reading one back (get, scroll, search with_vector) returns exactly
 * the floats that were written, in every metric and quantization, before and after a crash or a merge,
 * and from indexes written by earlier versions (a full stored copy per vector).
 */
class VectorReadBackTest {

    @TempDir
    Path dir;

    private LuceneVectorIndex index;

    @BeforeEach
    void open() {
        index = new LuceneVectorIndex(new DataDirectory(dir), 16, Duration.ofHours(1), Duration.ZERO);
    }

    @AfterEach
    void close() {
        index.close();
    }

    /** Random directions at very different scales, plus values rescaling cannot recover (they keep a full copy). */
    private static List<Vector> awkwardVectors(int dimension) {
        Random random = new Random(7);
        List<Vector> vectors = new ArrayList<>();
        float[] scales = {1e-30f, 1e-6f, 0.01f, 1, 3, 1e6f, 1e15f};
        for (int i = 0; i < 140; i++) {
            float[] v = Fixtures.random(random, dimension);
            float scale = scales[i % scales.length];
            for (int d = 0; d < dimension; d++) {
                v[d] *= scale;
            }
            vectors.add(vector("v" + i, v, new Payload(Map.of("i", (long) i))));
        }
        float[] subnormal = new float[dimension];
        subnormal[0] = 1000;
        subnormal[1] = Float.MIN_VALUE * 7; // vanishes in the unit vector: only a full copy keeps it
        vectors.add(vector("subnormal", subnormal, Payload.EMPTY));
        float[] negativeZero = new float[dimension];
        negativeZero[0] = -0.0f;
        negativeZero[1] = 2;
        vectors.add(vector("negative-zero", negativeZero, Payload.EMPTY));
        return vectors;
    }

    private void assertReadsBackExactly(Collection c, List<Vector> written) {
        Map<String, float[]> expected = new LinkedHashMap<>();
        written.forEach(v -> expected.put(v.id().value(), v.values()));
        for (Vector v : written) {
            assertThat(index.get(c, v.id()).orElseThrow().values()).as("get %s in %s", v.id(), c.spec()).isEqualTo(v.values());
        }
        for (Vector v : scrollAll(index, c, Optional.empty(), 37)) {
            assertThat(v.values()).as("scroll %s in %s", v.id(), c.spec()).isEqualTo(expected.get(v.id().value()));
        }
        for (Vector v : written.subList(0, Math.min(20, written.size()))) {
            List<ScoredPoint> hits = index.search(c, new VectorQuery(v.values(), 10, 50, Optional.empty(), true, true));
            assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.vector().orElseThrow())
                    .as("search hit %s in %s", h.id(), c.spec()).isEqualTo(expected.get(h.id().value())));
        }
    }

    @Test
    void everyMetricAndQuantizationReturnsTheWrittenFloatsBitForBit() throws IOException {
        List<Collection> collections = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            for (Quantization quantization : Quantization.values()) {
                Collection c = collection("t1", "rb-" + metric.wireName().replace('_', '-') + "-" + quantization.wireName(), 8,
                        metric, quantization);
                index.create(c);
                collections.add(c);
            }
        }
        List<Vector> vectors = awkwardVectors(8);
        for (Collection c : collections) {
            for (int from = 0; from < vectors.size(); from += 50) { // several segments
                index.upsert(c, vectors.subList(from, Math.min(vectors.size(), from + 50)));
            }
            assertReadsBackExactly(c, vectors);
        }
        IndexTestSeam.crash(index); // replayed from the translog
        open();
        collections.forEach(c -> assertReadsBackExactly(c, vectors));
        index.close(); // committed, then read from the commit
        open();
        collections.forEach(c -> assertReadsBackExactly(c, vectors));
    }

    @Test
    void anIndexWithAStoredCopyOfEachVectorStillReadsBackAndAcceptsNewWrites() throws IOException {
        Collection c = collection("t1", "old", 4, Metric.COSINE, Quantization.NONE);
        CollectionPaths paths = IndexTestSeam.paths(dir, c);
        Vector old = vector("old", new float[] {3, 4, 0.1f, -7}, new Payload(Map.of("k", "v")));
        VectorSpace space = VectorSpace.of(Metric.COSINE);
        // the document shape of the previous version: unit vector indexed, the written values in "_values"
        try (Directory directory = new MMapDirectory(paths.index());
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()).setCodec(VectorCodecs.codec(c.spec())))) {
            Document doc = new Document();
            doc.add(new StringField(VectorDocuments.ID, "old", Field.Store.YES));
            doc.add(new SortedDocValuesField(VectorDocuments.ID, new BytesRef("old")));
            doc.add(new KnnFloatVectorField(VectorDocuments.VECTOR, space.indexed(old.values()), space.similarity()));
            doc.add(new StoredField(VectorDocuments.VALUES, VectorDocuments.encode(old.values())));
            doc.add(new StoredField(VectorDocuments.PAYLOAD, dev.vectorizer.domain.json.PayloadJson.toBytes(old.payload())));
            writer.addDocument(doc);
            writer.setLiveCommitData(CommitData.of(1, space).entrySet());
            writer.commit();
        }
        Vector fresh = vector("new", new float[] {0.3f, -1e-3f, 5, 2}, Payload.EMPTY);
        index.upsert(c, List.of(fresh));

        assertThat(index.get(c, old.id()).orElseThrow().values()).containsExactly(3, 4, 0.1f, -7);
        assertThat(index.get(c, old.id()).orElseThrow().payload()).isEqualTo(old.payload());
        assertReadsBackExactly(c, List.of(fresh, old));
    }

    @Test
    void aCosineVectorCostsItsIndexedCopyAndAFewBytesNotASecondCopy() {
        Collection c = collection("t1", "size", 128, Metric.COSINE, Quantization.NONE);
        index.create(c);
        Random random = new Random(3);
        List<Vector> batch = new ArrayList<>();
        int n = 2000;
        for (int i = 0; i < n; i++) {
            batch.add(vector(Integer.toString(i), Fixtures.random(random, 128), Payload.EMPTY));
        }
        index.upsert(c, batch);
        index.close(); // committed: the translog is trimmed
        open();
        long raw = (long) n * 128 * Float.BYTES;
        // float32 values once (raw), the HNSW graph, ids, lengths and corrections: well under two copies
        assertThat(index.stats(c).sizeBytes()).isLessThan(raw * 7 / 4);
        assertThat(index.get(c, new VectorId("1234")).orElseThrow().values()).isEqualTo(batch.get(1234).values());
    }
}
