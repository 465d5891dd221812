package dev.vectorizer.domain.search;

import dev.vectorizer.domain.InvalidValueException;

/** How hybrid search merges the keyword (BM25) and vector (kNN) rankings. */
public sealed interface Fusion {

    /** Reciprocal rank fusion: {@code score = Σ 1 / (k + rank)}. */
    record ReciprocalRank(int k) implements Fusion {

        public static final ReciprocalRank DEFAULT = new ReciprocalRank(60);

        public ReciprocalRank {
            InvalidValueException.require(k >= 1, "rrf k must be at least 1");
        }
    }

    /**
     * Weighted sum of min-max normalised scores: {@code alpha · vector + (1 − alpha) · text}.
     */
    record Weighted(double alpha) implements Fusion {

        public Weighted {
            InvalidValueException.require(alpha >= 0 && alpha <= 1, "alpha must be between 0 and 1");
        }
    }
}
