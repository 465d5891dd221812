package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.InvalidValueException;
import java.time.Duration;

/** {@code maxFailures} failed authentications within {@code window} block the source for {@code block}. */
public record BruteForcePolicy(int maxFailures, Duration window, Duration block) {

    public static final BruteForcePolicy DEFAULT = new BruteForcePolicy(5, Duration.ofSeconds(60), Duration.ofSeconds(300));

    public BruteForcePolicy {
        InvalidValueException.require(maxFailures >= 1, "brute-force max failures must be at least 1");
        InvalidValueException.require(window != null && window.isPositive() && block != null && block.isPositive(),
                "brute-force window and block must be positive durations");
    }
}
