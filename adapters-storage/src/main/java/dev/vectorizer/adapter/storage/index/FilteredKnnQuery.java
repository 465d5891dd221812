package dev.vectorizer.adapter.storage.index;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.knn.KnnCollectorManager;
import org.apache.lucene.search.knn.KnnSearchStrategy;

/**
 * A filtered kNN search that chooses per segment, by cost, between scoring the filter's vectors exactly
 * and walking the graph, both with Lucene's own machinery.
 *
 * <p>Lucene alone scores a segment exactly only when its filter passes no more documents than the
 * segment's share of k, or when a graph walk visits as many vectors as the filter passes (its visit
 * limit). Its default walk scores every vector it passes through, matching or not, so under a selective
 * filter it nearly always runs into that limit and then scans anyway. Measured on 100k × 128
 * ({@code bench/.../FilterCutoffMain}, docs/PERFORMANCE.md), scanning a filter's vectors beats the walk
 * while they number up to about {@value #EXACT_FLOOR}, or {@value #EXACT_PER_K} per unit of k with a
 * larger beam (the walk grows with the beam, the scan does not). So:
 * <ul>
 *   <li>a segment whose filter passes at most {@link #exactUpTo(int)} documents is not walked: this query
 *       reports an empty, incomplete walk and Lucene's own fallback scores them exactly (recall 1);</li>
 *   <li>a larger one is walked with Lucene's filtered graph search ({@link KnnSearchStrategy.Hnsw}, which
 *       only scores vectors that pass the filter and steps over the others to their neighbours), used
 *       when fewer than {@value #FILTERED_WALK_BELOW_PERCENT} % of the segment passes; Lucene leaves it
 *       off by default.</li>
 * </ul>
 * Qdrant ({@code full_scan_threshold}) and Weaviate ({@code flatSearchCutoff}) make the first choice on
 * the filter's count alone. Not final: a test counts the segments it scores exactly.
 */
class FilteredKnnQuery extends KnnFloatVectorQuery {

    /** Up to this many matching vectors a segment is scored exactly, whatever k. */
    static final int EXACT_FLOOR = 3000;
    /** Up to this many matching vectors per unit of k a segment is scored exactly. */
    static final int EXACT_PER_K = 80;
    /** Lucene's filtered graph search walks a segment that less than this share passes (the value Lucene proposes). */
    static final int FILTERED_WALK_BELOW_PERCENT = 60;

    private static final TopDocs NOT_WALKED = new TopDocs(new TotalHits(0, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), new ScoreDoc[0]);

    private final long exactUpTo;

    /** A search of {@code field} for the {@code k} nearest to {@code target} among the documents {@code filter} matches. */
    FilteredKnnQuery(String field, float[] target, int k, Query filter) {
        super(field, target, k, Objects.requireNonNull(filter, "filter"), new KnnSearchStrategy.Hnsw(FILTERED_WALK_BELOW_PERCENT));
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
