package dev.vectorizer.domain.search;

import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.VectorId;
import java.util.Optional;

/** A hybrid search hit: fused score, and which ranking(s) it came from. */
public record HybridHit(VectorId id, double score, Source source, Optional<Payload> payload, Optional<float[]> vector) {

    public enum Source { VECTOR, TEXT, BOTH }
}
