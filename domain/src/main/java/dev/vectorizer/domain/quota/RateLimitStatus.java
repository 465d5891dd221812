package dev.vectorizer.domain.quota;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.RetryLater;
import java.time.Duration;

/**
 * Where a caller stands against the rate limit closest to exhaustion, as the {@code RateLimit-*}
 * answer headers say it: the window's limit, the requests left in it, and when it resets.
 */
public record RateLimitStatus(long limit, long remaining, Duration reset) {

    public RateLimitStatus {
        InvalidValueException.require(limit >= 1 && remaining >= 0 && remaining <= limit, "remaining must be within 0..limit");
        InvalidValueException.require(reset != null && !reset.isNegative(), "reset must not be negative");
    }

    /** Whole seconds until the reset, rounded up (HTTP headers count in seconds). */
    public long resetSeconds() {
        return RetryLater.seconds(reset);
    }
}
