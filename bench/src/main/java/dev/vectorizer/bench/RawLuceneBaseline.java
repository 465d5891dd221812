package dev.vectorizer.bench;

import dev.vectorizer.domain.HnswSettings;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.VectorUtil;

/**
 * The ingest baseline: plain Lucene bulk indexing with the same HNSW format and parameters as our
 * engine (float32 {@link Lucene99HnswVectorsFormat}), default {@link IndexWriterConfig}, one
 * {@code addDocument} per vector (id + vector), one commit at the end. No translog, no per-batch
 * fsync or refresh: the upper bound of what durable ingest on Lucene can reach.
 *
 * <p>Cosine is done the way Lucene recommends and our engine does it: each vector is normalised once
 * and indexed with {@link VectorSimilarityFunction#DOT_PRODUCT} (so no comparison computes norms),
 * and the id is a {@link NumericDocValuesField}, so a search reads no stored field.
 */
final class RawLuceneBaseline {

    static final String INGEST_PATH = "raw Lucene bulk (addDocument, one commit)";
    private static final String ID = "_id";
    private static final String VECTOR = "vector";

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
        // no compound files, so the footprint can be told apart by file kind
        IndexWriterConfig config = new IndexWriterConfig().setCodec(codec(hnsw)).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setUseCompoundFile(false);
        try (Directory directory = new MMapDirectory(dir); IndexWriter writer = new IndexWriter(directory, config)) {
            long start = System.nanoTime();
            for (int i = 0; i < data.base().length; i++) {
                Document doc = new Document();
                doc.add(new NumericDocValuesField(ID, i));
                doc.add(new KnnFloatVectorField(VECTOR, unit(data.base()[i]), VectorSimilarityFunction.DOT_PRODUCT));
                writer.addDocument(doc);
            }
            writer.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            Log.info(String.format("raw Lucene: %d vectors committed in %.1f s (%d segments)",
                    data.base().length, seconds, org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).size()));
            return new Ingest(INGEST_PATH, data.base().length, seconds);
        }
    }

    /** A normalised copy of {@code vector} (the data set's arrays are shared with the other engines). */
    static float[] unit(float[] vector) {
        return VectorUtil.l2normalize(vector.clone());
    }

    /** Force-merges the baseline index to one segment (untimed): the search reference. */
    static void mergeToOneSegment(Path dir, HnswSettings hnsw) throws IOException {
        long start = System.nanoTime();
        try (Directory directory = new MMapDirectory(dir);
                IndexWriter writer = new IndexWriter(directory,
                        new IndexWriterConfig().setCodec(codec(hnsw)).setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            writer.forceMerge(1);
            writer.commit();
        }
        Log.info(String.format("raw Lucene: force-merged to one segment in %.1f s", (System.nanoTime() - start) / 1e9));
    }

    /**
     * A reference point for search, not an engine we ship: the baseline index after
     * {@link #mergeToOneSegment}, queried straight on Lucene ({@link KnnFloatVectorQuery} with
     * k = max(ef, limit) on the normalised query, ids read from the {@code _id} doc values).
     */
    static final class Searcher implements AutoCloseable {

        private final Directory directory;
        private final DirectoryReader reader;
        private final IndexSearcher searcher;

        private Searcher(Directory directory) throws IOException {
            this.directory = directory;
            this.reader = DirectoryReader.open(directory);
            this.searcher = new IndexSearcher(reader);
        }

        static Searcher open(Path dir) throws IOException {
            return new Searcher(new MMapDirectory(dir));
        }

        int[] search(float[] query, int k, int ef) throws IOException {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR, unit(query), Math.max(ef, k)), k);
            int[] ids = new int[top.scoreDocs.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = id(top.scoreDocs[i].doc);
            }
            return ids;
        }

        private int id(int doc) throws IOException {
            LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
            NumericDocValues ids = leaf.reader().getNumericDocValues(ID);
            if (ids == null || !ids.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("document " + doc + " has no id");
            }
            return Math.toIntExact(ids.longValue());
        }

        @Override
        public void close() throws IOException {
            reader.close();
            directory.close();
        }
    }
}
