package dev.vectorizer.domain;

import java.time.Duration;

/** A refusal that says when trying again may succeed: what every interface's {@code Retry-After} carries. */
public interface RetryLater {

    /** When a retry may succeed; never negative. */
    Duration retryAfter();

    /** {@link #retryAfter()} in whole seconds, rounded up, at least 1: what a {@code Retry-After} header says. */
    default long retryAfterSeconds() {
        return Math.max(1, (retryAfter().toMillis() + 999) / 1000);
    }
}
