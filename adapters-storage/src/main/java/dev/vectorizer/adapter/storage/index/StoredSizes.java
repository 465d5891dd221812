package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.VectorId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * The live documents a query matches, with their ids and stored bytes
 * ({@link dev.vectorizer.domain.Vector#storedBytes}): what a write replaces or deletes, and what the
 * storage quota counts. Every document carries its stored bytes as a doc value
 * ({@value VectorDocuments#STORED_BYTES}); one written before that field existed is measured from its
 * stored fields instead (slower, same number).
 */
final class StoredSizes {

    /** Matching documents: their ids (when asked for) and their stored bytes in total. */
    record Matched(List<VectorId> ids, long count, long bytes) {
    }

    private StoredSizes() {
    }

    /** The ids and stored bytes of the live documents {@code query} matches. */
    static Matched matching(IndexSearcher searcher, Query query) throws IOException {
        return scan(searcher, query, true);
    }

    /** The stored bytes of every live document. */
    static long total(IndexSearcher searcher) throws IOException {
        return scan(searcher, MatchAllDocsQuery.INSTANCE, false).bytes();
    }

    private static Matched scan(IndexSearcher searcher, Query query, boolean withIds) throws IOException {
        List<VectorId> ids = new ArrayList<>();
        long count = 0;
        long bytes = 0;
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            LeafReader reader = leaf.reader();
            Bits live = reader.getLiveDocs();
            IdValues idValues = withIds ? IdValues.of(reader) : null;
            NumericDocValues sizes = reader.getNumericDocValues(VectorDocuments.STORED_BYTES);
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                count++;
                bytes += sizes != null && sizes.advanceExact(doc) ? sizes.longValue()
                        : VectorDocuments.fromDocument(reader.storedFields().document(doc), IndexedVectors.of(reader, doc)).storedBytes();
                if (withIds) {
                    ids.add(idValues.id(doc));
                }
            }
        }
        return new Matched(ids, count, bytes);
    }
}
