package dev.vectorizer.application;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.ServerMode;
import java.time.Duration;

/**
 * The installation-wide settings the use cases need. The composition root builds it from
 * configuration, so the application layer never reads configuration itself.
 *
 * @param mode who authenticates callers
 * @param rotationGrace how long a rotated API key keeps working
 */
public record ServerSettings(ServerMode mode, Duration rotationGrace) {

    public static final Duration DEFAULT_ROTATION_GRACE = Duration.ofDays(7);

    public ServerSettings {
        InvalidValueException.require(mode != null, "mode is required");
        InvalidValueException.require(rotationGrace != null && !rotationGrace.isNegative(), "rotation grace must not be negative");
    }

    public ServerSettings(ServerMode mode) {
        this(mode, DEFAULT_ROTATION_GRACE);
    }
}
