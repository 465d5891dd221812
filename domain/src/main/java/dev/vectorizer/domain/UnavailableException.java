package dev.vectorizer.domain;

import java.time.Duration;

/**
 * Something needed to decide the request is not available now; the caller may retry after
 * {@link #retryAfter()}. Subclasses name what is unavailable (HiveHub:
 * {@link dev.vectorizer.domain.hub.HubUnavailableException}).
 */
public class UnavailableException extends RuntimeException implements RetryLater {

    private static final long serialVersionUID = 1L;

    /** How long a caller is told to wait when nothing more precise is known. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private final Duration retryAfter;

    public UnavailableException(String message) {
        this(message, DEFAULT_RETRY_AFTER);
    }

    public UnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? DEFAULT_RETRY_AFTER : retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
