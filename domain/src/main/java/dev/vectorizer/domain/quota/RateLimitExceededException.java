package dev.vectorizer.domain.quota;

import java.time.Duration;

/** A request over its caller's rate limit; it was not served and did not count. */
public final class RateLimitExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RateLimitStatus status;
    private final Duration retryAfter;

    public RateLimitExceededException(RateLimitStatus status, Duration retryAfter) {
        super("rate limit of " + status.limit() + " requests exceeded; retry in " + seconds(retryAfter) + " s");
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** A duration in whole seconds, rounded up, at least 1 (HTTP headers count in seconds). */
    public static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    /** The exhausted window, for the {@code RateLimit-*} headers. */
    public RateLimitStatus status() {
        return status;
    }

    /** Seconds until every exhausted window has reset. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }
}
