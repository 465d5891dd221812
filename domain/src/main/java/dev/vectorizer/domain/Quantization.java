package dev.vectorizer.domain;

import java.util.Locale;

/** How vectors are compressed in the HNSW index; full-precision vectors are kept for rescoring. */
public enum Quantization {
    NONE, INT8, INT4, BINARY;

    public static Quantization parse(String name) {
        return Names.parse(Quantization.class, name, "quantization");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
