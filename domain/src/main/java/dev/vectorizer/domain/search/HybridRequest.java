package dev.vectorizer.domain.search;

import dev.vectorizer.domain.InvalidValueException;
import java.util.Optional;

/**
 * Keyword + vector search: BM25 over {@code text} and kNN near {@code vector} (or near the
 * embedding of {@code text} when no vector is given), fused into one ranking.
 */
public record HybridRequest(String text, Optional<float[]> vector, int limit, int ef, Optional<Filter> filter, Fusion fusion,
        boolean withPayload, boolean withVector) {

    public HybridRequest {
        TextQuery.requireText(text);
        InvalidValueException.require(vector != null && filter != null, "vector and filter must be present or empty");
        VectorQuery.requireLimit(limit);
        InvalidValueException.require(fusion != null, "fusion is required");
    }

    /** Each side fetches more than {@code limit} so that fusion has candidates to reorder. */
    public int candidates() {
        return Math.min(VectorQuery.MAX_LIMIT, Math.max(limit * 3, limit));
    }

    public VectorQuery vectorSide(float[] queryVector) {
        return new VectorQuery(queryVector, candidates(), Math.max(ef, candidates()), filter, withPayload, withVector);
    }

    public TextQuery textSide() {
        return new TextQuery(text, candidates(), filter, withPayload, withVector);
    }
}
