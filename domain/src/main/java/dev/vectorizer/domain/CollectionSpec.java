package dev.vectorizer.domain;

import java.util.Optional;

/** What a collection is: its vector space and index settings, fixed at creation. */
public record CollectionSpec(int dimension, Metric metric, HnswSettings hnsw, Quantization quantization,
        Optional<String> embeddingModel) {

    public static final int MAX_DIMENSION = 4096;

    public CollectionSpec {
        InvalidValueException.require(dimension >= 1 && dimension <= MAX_DIMENSION, "dimension must be between 1 and " + MAX_DIMENSION);
        InvalidValueException.require(metric != null, "metric is required");
        InvalidValueException.require(hnsw != null, "hnsw settings are required");
        InvalidValueException.require(quantization != null, "quantization is required");
        InvalidValueException.require(embeddingModel != null, "embedding model must be present or empty");
    }
}
