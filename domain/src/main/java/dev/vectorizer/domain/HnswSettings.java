package dev.vectorizer.domain;

/** Build-time parameters of the HNSW graph: neighbours per node and the construction beam width. */
public record HnswSettings(int m, int efConstruction) {

    public static final HnswSettings DEFAULT = new HnswSettings(16, 200);

    public HnswSettings {
        InvalidValueException.require(m >= 2 && m <= 512, "hnsw.m must be between 2 and 512");
        InvalidValueException.require(efConstruction >= 1 && efConstruction <= 3200, "hnsw.ef_construction must be between 1 and 3200");
    }
}
