package dev.vectorizer.domain;

import java.util.UUID;

/** Identity of one installation (one data directory), fixed when it first starts. */
public record InstallationId(UUID value) {

    public InstallationId {
        InvalidValueException.require(value != null, "installation id is required");
    }

    public static InstallationId random() {
        return new InstallationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
