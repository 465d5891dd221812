package dev.vectorizer.domain;

/**
 * A value is over a size limit (a payload over {@link Payload#MAX_BYTES}, for instance). It is an
 * invalid value, told apart so that an interface can say "too large" (HTTP 413).
 */
public final class TooLargeException extends InvalidValueException {

    private static final long serialVersionUID = 1L;

    public TooLargeException(String message) {
        super(message);
    }
}
