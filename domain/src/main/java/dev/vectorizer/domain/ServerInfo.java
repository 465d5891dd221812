package dev.vectorizer.domain;

/** What a server says about itself: product name, version, mode and installation. */
public record ServerInfo(String name, String version, ServerMode mode, Installation installation) {

    public ServerInfo {
        InvalidValueException.require(name != null && !name.isBlank(), "name is required");
        InvalidValueException.require(version != null && !version.isBlank(), "version is required");
        InvalidValueException.require(mode != null, "mode is required");
        InvalidValueException.require(installation != null, "installation is required");
    }
}
