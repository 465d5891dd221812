package dev.vectorizer.domain;

import java.util.Locale;

/**
 * How closeness between vectors is measured. Scores are always "higher is closer": cosine
 * similarity for {@code COSINE}, the dot product for {@code DOT_PRODUCT}, and {@code 1 / (1 + d²)}
 * of the Euclidean distance {@code d} for {@code EUCLIDEAN}.
 */
public enum Metric {
    COSINE, EUCLIDEAN, DOT_PRODUCT;

    public static Metric parse(String name) {
        return Names.parse(Metric.class, name, "metric");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
