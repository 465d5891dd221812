package dev.vectorizer.bench;

import dev.vectorizer.domain.HnswSettings;
import java.io.IOException;
import java.nio.file.Path;
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

    static Ingest index(DataSet data, Path dir, HnswSettings hnsw) throws IOException {
        KnnVectorsFormat format = new Lucene99HnswVectorsFormat(hnsw.m(), hnsw.efConstruction());
        Codec codec = new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return format;
            }
        };
        IndexWriterConfig config = new IndexWriterConfig().setCodec(codec).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
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
}
