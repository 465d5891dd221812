package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.RetryLater;
import java.time.Duration;

/** Authentication is refused for a while after too many failures from the same address or for the same key. */
public final class TooManyFailuresException extends RuntimeException implements RetryLater {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyFailuresException(Duration retryAfter) {
        super("too many failed authentications; try again later");
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
