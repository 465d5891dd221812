package dev.vectorizer.bench;

import dev.vectorizer.domain.HnswSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;

/**
 * The ingest baseline: plain Lucene bulk indexing with the same HNSW format and parameters as our
 * engine (float32 {@link Lucene99HnswVectorsFormat}, cosine), default {@link IndexWriterConfig},
 * one {@code addDocument} per vector (id + vector), one commit at the end. No translog, no
 * per-batch fsync or refresh: the upper bound of what durable ingest on Lucene can reach.
 */
final class RawLuceneBaseline {

    private RawLuceneBaseline() {
    }

    private static Codec codec(HnswSettings hnsw) {
        KnnVectorsFormat format = new Lucene99HnswVectorsFormat(hnsw.m(), hnsw.efConstruction());
        return new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return format;
            }
        };
    }

    static Ingest index(DataSet data, Path dir, HnswSettings hnsw) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig().setCodec(codec(hnsw)).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (Directory directory = new MMapDirectory(dir); IndexWriter writer = new IndexWriter(directory, config)) {
            long start = System.nanoTime();
            for (int i = 0; i < data.base().length; i++) {
                Document doc = new Document();
                doc.add(new StringField("_id", Integer.toString(i), Field.Store.YES));
                doc.add(new KnnFloatVectorField("vector", data.base()[i], VectorSimilarityFunction.COSINE));
                writer.addDocument(doc);
            }
            writer.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            Log.info(String.format("raw Lucene: %d vectors committed in %.1f s (%d segments)",
                    data.base().length, seconds, org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).size()));
            return new Ingest("raw Lucene bulk (addDocument, one commit)", data.base().length, seconds);
        }
    }

    /**
     * A reference point for search, not an engine we ship: the baseline index force-merged to one
     * segment (untimed), then the same sweep straight on Lucene ({@link KnnFloatVectorQuery} with
     * k = max(ef, limit), ids read from stored fields as ours does). The gap to ours is the cost of
     * our segment layout plus our service layers.
     */
    static List<Sweep> sweepOneSegment(DataSet data, Path dir, HnswSettings hnsw, int[] efs, int passes, int k,
            Consumer<Sweep> each) throws IOException {
        try (Directory directory = new MMapDirectory(dir)) {
            long start = System.nanoTime();
            try (IndexWriter writer = new IndexWriter(directory,
                    new IndexWriterConfig().setCodec(codec(hnsw)).setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
                writer.forceMerge(1);
                writer.commit();
            }
            Log.info(String.format("raw Lucene: force-merged to one segment in %.1f s", (System.nanoTime() - start) / 1e9));
            List<Sweep> sweeps = new ArrayList<>();
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                float[][] queries = data.queries();
                for (int ef : new int[] {efs[efs.length - 1], efs[0]}) { // warm-up
                    for (float[] q : queries) {
                        search(searcher, q, ef, k);
                    }
                }
                for (int ef : efs) {
                    double recall = 0;
                    for (int q = 0; q < queries.length; q++) {
                        recall += GroundTruth.recall(data.truth()[q], search(searcher, queries[q], ef, k), k);
                    }
                    List<Double> qps = new ArrayList<>();
                    long sink = 0;
                    for (int p = 0; p < passes; p++) {
                        long t = System.nanoTime();
                        for (float[] q : queries) {
                            sink += search(searcher, q, ef, k).length;
                        }
                        qps.add(queries.length / ((System.nanoTime() - t) / 1e9));
                    }
                    if (sink < 0) {
                        throw new AssertionError();
                    }
                    Sweep sweep = new Sweep("raw Lucene, 1 segment", ef, recall / queries.length, qps);
                    sweeps.add(sweep);
                    each.accept(sweep);
                }
            }
            return sweeps;
        }
    }

    private static int[] search(IndexSearcher searcher, float[] query, int ef, int k) throws IOException {
        TopDocs top = searcher.search(new KnnFloatVectorQuery("vector", query, Math.max(ef, k)), k);
        StoredFields stored = searcher.storedFields();
        int[] ids = new int[top.scoreDocs.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Integer.parseInt(stored.document(top.scoreDocs[i].doc).get("_id"));
        }
        return ids;
    }
}
