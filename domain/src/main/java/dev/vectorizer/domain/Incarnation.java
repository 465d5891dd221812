package dev.vectorizer.domain;

import java.util.HexFormat;
import java.util.UUID;

/**
 * Which instance of a collection name this is. A name deleted and created again is a new incarnation,
 * so a request that resolved the old one (a delete, a write checked against the old dimension) can
 * only ever reach the old one, which is gone, never the new one. Random, so unique per name for all
 * practical purposes; written as 16 hex digits.
 */
public record Incarnation(long value) {

    /**
     * The incarnation of the collections created before incarnations were recorded (their catalog
     * rows have none, their files sit in the directory named after the collection alone).
     */
    public static final Incarnation LEGACY = new Incarnation(0);

    public Incarnation {
        InvalidValueException.require(value >= 0, "an incarnation is not negative");
    }

    /** A fresh incarnation for a collection being created. */
    public static Incarnation random() {
        long value;
        do {
            value = UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE;
        } while (value == LEGACY.value);
        return new Incarnation(value);
    }

    public boolean isLegacy() {
        return value == LEGACY.value;
    }

    @Override
    public String toString() {
        return HexFormat.of().toHexDigits(value);
    }
}
