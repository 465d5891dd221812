package dev.vectorizer.application;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.tenant.BruteForcePolicy;
import java.time.Duration;

/**
 * The installation-wide settings the use cases need. The composition root builds it from
 * configuration, so the application layer never reads configuration itself.
 *
 * @param mode who authenticates callers
 * @param rotationGrace how long a rotated API key keeps working
 * @param bruteForce when failed authentications block their source
 */
public record ServerSettings(ServerMode mode, Duration rotationGrace, BruteForcePolicy bruteForce) {

    public static final Duration DEFAULT_ROTATION_GRACE = Duration.ofDays(7);

    public ServerSettings {
        InvalidValueException.require(mode != null, "mode is required");
        InvalidValueException.require(rotationGrace != null && !rotationGrace.isNegative(), "rotation grace must not be negative");
        InvalidValueException.require(bruteForce != null, "brute-force policy is required");
    }

    public ServerSettings(ServerMode mode) {
        this(mode, DEFAULT_ROTATION_GRACE, BruteForcePolicy.DEFAULT);
    }
}
