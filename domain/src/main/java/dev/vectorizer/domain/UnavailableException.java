package dev.vectorizer.domain;

/** Something needed to decide the request is not available now; the caller may retry later. */
public final class UnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnavailableException(String message) {
        super(message);
    }
}
