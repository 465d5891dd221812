package dev.vectorizer.domain.quota;

import dev.vectorizer.domain.RetryLater;
import java.time.Duration;

/** A request over its caller's rate limit; it was not served and did not count. */
public final class RateLimitExceededException extends RuntimeException implements RetryLater {

    private static final long serialVersionUID = 1L;

    private final RateLimitStatus status;
    private final Duration retryAfter;

    public RateLimitExceededException(RateLimitStatus status, Duration retryAfter) {
        super("rate limit of " + status.limit() + " requests exceeded; retry in " + RetryLater.seconds(retryAfter) + " s");
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The exhausted window, for the {@code RateLimit-*} headers. */
    public RateLimitStatus status() {
        return status;
    }

    /** Until every exhausted window has reset. */
    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
