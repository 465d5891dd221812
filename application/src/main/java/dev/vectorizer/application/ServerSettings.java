package dev.vectorizer.application;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.tenant.BruteForcePolicy;
import java.time.Duration;

/**
 * The installation-wide settings the use cases need. The composition root builds it from
 * configuration, so the application layer never reads configuration itself; adapters never see it
 * (a rule that depends on a setting is the application's).
 *
 * @param mode who authenticates callers
 * @param singleModeAllowsRemote whether single mode, which authenticates nobody, serves clients other than loopback
 * @param rotationGrace how long a rotated API key keeps working
 * @param bruteForce when failed authentications block their source
 * @param tokenMaxLifetime the longest lifetime a JWT may claim ({@code exp} minus {@code iat}) and still be accepted
 */
public record ServerSettings(ServerMode mode, boolean singleModeAllowsRemote, Duration rotationGrace, BruteForcePolicy bruteForce,
        Duration tokenMaxLifetime) {

    public static final Duration DEFAULT_ROTATION_GRACE = Duration.ofDays(7);
    public static final Duration DEFAULT_TOKEN_MAX_LIFETIME = Duration.ofHours(24);

    public ServerSettings {
        InvalidValueException.require(mode != null, "mode is required");
        InvalidValueException.require(rotationGrace != null && !rotationGrace.isNegative(), "rotation grace must not be negative");
        InvalidValueException.require(bruteForce != null, "brute-force policy is required");
        InvalidValueException.require(tokenMaxLifetime != null && tokenMaxLifetime.isPositive(), "the JWT maximum lifetime must be positive");
    }

    /** The defaults of {@code mode}: loopback only in single mode, 7 days of rotation grace, 24 h tokens. */
    public ServerSettings(ServerMode mode) {
        this(mode, false, DEFAULT_ROTATION_GRACE, BruteForcePolicy.DEFAULT, DEFAULT_TOKEN_MAX_LIFETIME);
    }
}
