package dev.vectorizer.domain.search;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TextContent;
import java.util.Optional;

/** A BM25 keyword query over the text of text-inserted vectors. */
public record TextQuery(String text, int limit, Optional<Filter> filter, boolean withPayload, boolean withVector) {

    /**
     * The longest query text. A query is embedded (or analysed) on every search, so its length
     * bounds the work one request can ask for; a paragraph fits easily.
     */
    public static final int MAX_TEXT_LENGTH = 10_000;

    public TextQuery {
        requireText(text);
        VectorQuery.requireLimit(limit);
        InvalidValueException.require(filter != null, "filter must be present or empty");
    }

    /** Fails unless {@code text} is a query text: not blank, at most {@value #MAX_TEXT_LENGTH} characters. */
    static String requireText(String text) {
        TextContent.require(text, "query text must not be blank");
        InvalidValueException.require(text.length() <= MAX_TEXT_LENGTH, "query text is longer than " + MAX_TEXT_LENGTH + " characters");
        return text;
    }
}
