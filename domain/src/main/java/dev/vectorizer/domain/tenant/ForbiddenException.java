package dev.vectorizer.domain.tenant;

/** The caller is known but may not do this. */
public final class ForbiddenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }
}
