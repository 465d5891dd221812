package dev.vectorizer.domain.search;

import dev.vectorizer.domain.InvalidValueException;
import java.util.Optional;

/** A BM25 keyword query over the text of text-inserted vectors. */
public record TextQuery(String text, int limit, Optional<Filter> filter, boolean withPayload, boolean withVector) {

    public TextQuery {
        InvalidValueException.require(text != null && !text.isBlank(), "query text is required");
        VectorQuery.requireLimit(limit);
        InvalidValueException.require(filter != null, "filter must be present or empty");
    }
}
