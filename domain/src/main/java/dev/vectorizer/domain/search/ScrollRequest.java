package dev.vectorizer.domain.search;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.VectorId;
import java.util.Optional;

/**
 * One page of a walk over a collection in id order, starting after {@code after}; the page shows
 * the vectors' values only if {@code withVector}.
 */
public record ScrollRequest(Optional<Filter> filter, int limit, Optional<VectorId> after, boolean withVector) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public ScrollRequest {
        InvalidValueException.require(filter != null && after != null, "filter and cursor must be present or empty");
        InvalidValueException.require(limit >= 1 && limit <= MAX_LIMIT, "scroll limit must be between 1 and " + MAX_LIMIT);
    }
}
