package dev.vectorizer.application;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.ServerMode;

/**
 * The installation-wide settings the use cases need. The composition root builds it from
 * configuration, so the application layer never reads configuration itself.
 */
public record ServerSettings(ServerMode mode) {

    public ServerSettings {
        InvalidValueException.require(mode != null, "mode is required");
    }
}
