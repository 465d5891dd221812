package dev.vectorizer.domain;

import java.util.Locale;

/**
 * How closeness between vectors is measured. Scores are always "higher is closer": cosine
 * similarity for {@code COSINE}, the dot product for {@code DOT_PRODUCT}, and {@code 1 / (1 + d²)}
 * of the Euclidean distance {@code d} for {@code EUCLIDEAN}.
 *
 * <p>Each metric compares only vectors it can score with a finite number ({@link #requireComparable}):
 * cosine needs a direction, so a zero vector (also one whose values all underflow to 0, like
 * {@code 1e-50} as a 32-bit float) is refused, while any non-zero length works; the dot product and
 * the Euclidean distance need the length to stay at most {@link #MAX_LENGTH}, so that products and
 * squared distances of two vectors (also inside a quantized index) stay within 32-bit floats.
 */
public enum Metric {
    COSINE, EUCLIDEAN, DOT_PRODUCT;

    /** The greatest Euclidean length of a vector that {@code EUCLIDEAN} and {@code DOT_PRODUCT} compare. */
    public static final double MAX_LENGTH = 1e15;

    /**
     * Fails unless this metric scores {@code values} (finite, as every {@link Vector} and query is)
     * against any other comparable vector with a finite number; {@code what} names the vector in the
     * message.
     */
    public void requireComparable(float[] values, String what) {
        double squares = 0;
        for (float v : values) {
            squares += (double) v * v; // in double: no float vector over- or underflows here
        }
        switch (this) {
            case COSINE -> InvalidValueException.require(squares > 0,
                    what + " is a zero vector; cosine similarity needs a direction");
            case EUCLIDEAN, DOT_PRODUCT -> InvalidValueException.require(Math.sqrt(squares) <= MAX_LENGTH,
                    what + " is longer than " + MAX_LENGTH + "; " + wireName() + " scores of such vectors overflow");
        }
    }

    public static Metric parse(String name) {
        return Names.parse(Metric.class, name, "metric");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
