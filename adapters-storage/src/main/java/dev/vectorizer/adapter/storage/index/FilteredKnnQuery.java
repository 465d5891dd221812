package dev.vectorizer.adapter.storage.index;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.knn.KnnCollectorManager;

/**
 * A filtered kNN search that chooses per segment, by cost, between scoring the filter's vectors exactly
 * and walking the graph, with Lucene's own machinery.
 *
 * <p>Lucene alone scores a segment exactly only when its filter passes no more documents than the
 * segment's share of k, or when its graph walk has visited as many vectors as the filter passes (the
 * walk's visit limit). The walk scores every vector it passes through, matching or not, so under a
 * selective filter it mostly runs into that limit and then scans anyway. Measured on 100k × 128
 * ({@code bench/.../FilterCutoffMain}, docs/PERFORMANCE.md), the scan beats the walk while the filter
 * passes up to about {@value #EXACT_FLOOR} vectors, or {@value #EXACT_PER_K} per unit of k with a larger
 * beam (the walk grows with the beam, the scan does not). So a segment whose filter passes at most
 * {@link #exactUpTo(int)} documents is not walked: this query reports an empty, incomplete walk and
 * Lucene's own fallback scores them exactly (recall 1). A larger one is walked as {@link VectorKnnQuery}
 * walks; Lucene's filtered walk ({@code KnnSearchStrategy.Hnsw} with a threshold) was faster there but
 * lost recall (0.89 instead of 0.99 at ef 10 under a 10 % filter), so it stays off.
 *
 * <p>Qdrant ({@code full_scan_threshold}) and Weaviate ({@code flatSearchCutoff}) make the same choice
 * on the filter's count alone. Not final: a test counts the segments it scores exactly.
 */
class FilteredKnnQuery extends VectorKnnQuery {

    /** Up to this many matching vectors a segment is scored exactly, whatever k. */
    static final int EXACT_FLOOR = 7000;
    /** Up to this many matching vectors per unit of k a segment is scored exactly. */
    static final int EXACT_PER_K = 160;

    private static final TopDocs NOT_WALKED = new TopDocs(new TotalHits(0, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), new ScoreDoc[0]);

    private final long exactUpTo;

    /**
     * A search of {@code field} for the {@code k} nearest to {@code target} among the documents
     * {@code filter} matches; {@code rescore}: with full-precision scores.
     */
    FilteredKnnQuery(String field, float[] target, int k, Query filter, boolean rescore) {
        super(field, target, k, Objects.requireNonNull(filter, "filter"), rescore);
        this.exactUpTo = exactUpTo(k);
    }

    /** How many matching vectors a segment may have and still be scored exactly, for a beam of {@code k}. */
    static long exactUpTo(int k) {
        return Math.max(EXACT_FLOOR, (long) EXACT_PER_K * k);
    }

    /**
     * Lucene calls this only for a segment with more matching documents than its share of k (always with
     * a filter here, so an incomplete answer makes it score the matching documents exactly).
     */
    @Override
    protected TopDocs approximateSearch(LeafReaderContext context, AcceptDocs acceptDocs, int visitedLimit, KnnCollectorManager manager)
            throws IOException {
        if (acceptDocs.cost() <= exactUpTo) {
            return NOT_WALKED;
        }
        return super.approximateSearch(context, acceptDocs, visitedLimit, manager);
    }
}
