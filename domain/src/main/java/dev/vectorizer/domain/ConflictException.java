package dev.vectorizer.domain;

/** The request clashes with what exists (e.g. a collection name already taken by this tenant). */
public final class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
