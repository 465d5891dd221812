package dev.vectorizer.domain.search;

import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.VectorId;
import java.util.Optional;

/** A search hit: higher {@code score} is closer. Payload and vector are there when asked for. */
public record ScoredPoint(VectorId id, float score, Optional<Payload> payload, Optional<float[]> vector) {
}
