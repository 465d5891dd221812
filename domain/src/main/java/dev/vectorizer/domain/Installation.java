package dev.vectorizer.domain;

import java.time.Instant;

/** The installation a data directory holds: created on first start, the same on every later one. */
public record Installation(InstallationId id, Instant createdAt) {

    public Installation {
        InvalidValueException.require(id != null, "installation id is required");
        InvalidValueException.require(createdAt != null, "installation creation time is required");
    }
}
