package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.VectorId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;

/**
 * The ids of one segment's documents, read from doc values in increasing document order (doc values
 * iterate forwards only). A document written since {@value VectorDocuments#ID_BYTES} exists has its id
 * there: one seek to the bytes as written. One written before (segments of earlier versions, and what a
 * merge makes of them, lack the field) has it only in the {@value VectorDocuments#ID} sorted doc values,
 * whose terms dictionary decompresses a block of ids for every lookup, several times the cost.
 */
final class IdValues {

    private final LeafReader reader;
    private final BinaryDocValues bytes;
    private SortedDocValues sorted;

    private IdValues(LeafReader reader, BinaryDocValues bytes) {
        this.reader = reader;
        this.bytes = bytes;
    }

    /** The ids of {@code reader}'s documents. */
    static IdValues of(LeafReader reader) throws IOException {
        return new IdValues(reader, reader.getBinaryDocValues(VectorDocuments.ID_BYTES));
    }

    /** The id of segment-level document {@code doc}, which is greater than the one asked before. */
    VectorId id(int doc) throws IOException {
        if (bytes != null && bytes.advanceExact(doc)) {
            return new VectorId(string(bytes.binaryValue()));
        }
        if (sorted == null) {
            sorted = DocValues.getSorted(reader, VectorDocuments.ID);
        }
        if (!sorted.advanceExact(doc)) {
            throw new IllegalStateException("document " + doc + " has no id in " + reader);
        }
        return new VectorId(string(sorted.lookupOrd(sorted.ordValue())));
    }

    /**
     * The id as written (UTF-8). The JDK's decoder, not {@link BytesRef#utf8ToString}: that one
     * decodes into a {@code char[]} the string then copies, and was 1.8 % of a search's samples.
     */
    private static String string(BytesRef utf8) {
        return new String(utf8.bytes, utf8.offset, utf8.length, StandardCharsets.UTF_8);
    }

    /**
     * The ids of top-level documents {@code hits} of the reader whose segments are {@code leaves}, in
     * the order of {@code hits}: read in document order, with one {@link IdValues} per segment.
     */
    static VectorId[] of(List<LeafReaderContext> leaves, ScoreDoc[] hits) throws IOException {
        long[] byDoc = new long[hits.length];
        for (int i = 0; i < hits.length; i++) {
            byDoc[i] = (long) hits[i].doc << 32 | i;
        }
        Arrays.sort(byDoc);
        VectorId[] ids = new VectorId[hits.length];
        LeafReaderContext leaf = null;
        IdValues values = null;
        for (long hit : byDoc) {
            int doc = (int) (hit >>> 32);
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                values = of(leaf.reader());
            }
            ids[(int) hit] = values.id(doc - leaf.docBase);
        }
        return ids;
    }
}
