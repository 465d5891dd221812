package dev.vectorizer.domain.search;

import dev.vectorizer.domain.InvalidValueException;
import java.util.Optional;

/**
 * A k-nearest-neighbour query: the {@code limit} closest vectors that pass {@code filter}.
 * {@code ef} is the search beam (candidates explored); the engine uses {@code max(ef, limit)}.
 */
public record VectorQuery(float[] vector, int limit, int ef, Optional<Filter> filter, boolean withPayload, boolean withVector) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 10;
    public static final int DEFAULT_EF = 100;
    public static final int MAX_EF = 10_000;

    public VectorQuery {
        InvalidValueException.require(vector != null && vector.length > 0, "query vector is required");
        for (float v : vector) {
            InvalidValueException.require(Float.isFinite(v), "query vector contains NaN or Infinity");
        }
        requireLimit(limit);
        InvalidValueException.require(ef >= 1 && ef <= MAX_EF, "ef must be between 1 and " + MAX_EF);
        InvalidValueException.require(filter != null, "filter must be present or empty");
    }

    static void requireLimit(int limit) {
        InvalidValueException.require(limit >= 1 && limit <= MAX_LIMIT, "limit must be between 1 and " + MAX_LIMIT);
    }
}
