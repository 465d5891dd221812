package dev.vectorizer.adapter.storage.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;

/**
 * The float32 values a document's vector field holds, read from its segment's vector values (the
 * {@code .vec} file every float and quantized format keeps), so a vector is stored once. These are the
 * indexed values; {@link VectorDocuments#values} turns them into the written ones.
 */
final class IndexedVectors {

    private IndexedVectors() {
    }

    /** The indexed values of the top-level document {@code doc} of {@code searcher}. */
    static float[] of(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        return of(leaf.reader(), doc - leaf.docBase);
    }

    /** The indexed values of the segment-level document {@code doc} of {@code reader}. */
    static float[] of(LeafReader reader, int doc) throws IOException {
        FloatVectorValues values = reader.getFloatVectorValues(VectorDocuments.VECTOR);
        if (values == null) {
            throw new IllegalStateException("segment without vectors: " + reader);
        }
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        if (iterator.advance(doc) != doc) {
            throw new IllegalStateException("document " + doc + " has no vector in " + reader);
        }
        return values.vectorValue(iterator.index()).clone(); // the returned array is a reused buffer
    }
}
