package dev.vectorizer.adapter.rest.view;

import dev.vectorizer.domain.CollectionInfo;
import dev.vectorizer.domain.CollectionSpec;
import java.time.Instant;

/** A collection as the API shows it. */
public record CollectionView(String name, int dimension, String metric, long vectorCount, long sizeBytes, Hnsw hnsw,
        String quantization, String embeddingModel, Instant createdAt) {

    public record Hnsw(int m, int efConstruction) {
    }

    public static CollectionView of(CollectionInfo info) {
        CollectionSpec spec = info.collection().spec();
        return new CollectionView(info.collection().ref().name().value(), spec.dimension(), spec.metric().wireName(),
                info.stats().vectorCount(), info.stats().sizeBytes(), new Hnsw(spec.hnsw().m(), spec.hnsw().efConstruction()),
                spec.quantization().wireName(), spec.embeddingModel().orElse(null), info.collection().createdAt());
    }
}
