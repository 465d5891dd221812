package dev.vectorizer.domain.quota;

import dev.vectorizer.domain.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A limit a tenant's plan sets, named on the wire by its lower-case name ({@code max_vectors}):
 * capacities (what a tenant may hold) and request rates (how often it may ask).
 */
public enum Limit {
    MAX_COLLECTIONS, MAX_VECTORS, MAX_STORAGE_BYTES, MAX_BACKUPS,
    /** Requests per minute. */
    RPM,
    /** Requests per hour. */
    RPH,
    /** Requests per day. */
    RPD;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for a request rate, which must allow at least one request; a capacity may be 0. */
    public boolean isRate() {
        return this == RPM || this == RPH || this == RPD;
    }

    public static Limit parse(String wireName) {
        return Arrays.stream(values()).filter(l -> l.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new InvalidValueException("unknown quota '" + wireName + "'; known: "
                        + Arrays.stream(values()).map(Limit::wireName).toList()));
    }
}
