package dev.vectorizer.domain;

import java.util.Locale;

/** How the installation authenticates callers and where its tenants come from. */
public enum ServerMode {
    /** No credentials; one implicit tenant {@code default}. */
    SINGLE,
    /** API keys and JWTs checked against the local tenant directory. */
    STANDALONE,
    /** API keys validated by HiveHub, which owns the tenants. */
    HUB;

    /** Parses the configured name ({@code single}, {@code standalone}, {@code hub}), case-insensitively. */
    public static ServerMode parse(String name) {
        return Names.parse(ServerMode.class, name, "mode");
    }

    /** The configuration spelling of this mode. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
