package dev.vectorizer.domain.tenant;

import java.time.Duration;

/** Authentication is refused for a while after too many failures from the same address or for the same key. */
public final class TooManyFailuresException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyFailuresException(Duration retryAfter) {
        super("too many failed authentications; try again later");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
