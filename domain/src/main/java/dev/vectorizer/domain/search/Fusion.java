package dev.vectorizer.domain.search;

import dev.vectorizer.domain.InvalidValueException;
import java.util.Optional;

/** How hybrid search merges the keyword (BM25) and vector (kNN) rankings. */
public sealed interface Fusion {

    /**
     * The fusion a caller names ({@code rrf}, the default, or {@code weighted}) with its parameter:
     * {@code k} for {@code rrf} (default {@value ReciprocalRank#DEFAULT_K}), {@code alpha} for
     * {@code weighted} (default {@value Weighted#DEFAULT_ALPHA}). A parameter of the other
     * fusion is refused rather than ignored.
     */
    static Fusion parse(Optional<String> name, Optional<Integer> k, Optional<Double> alpha) {
        switch (name.orElse("rrf")) {
            case "rrf" -> {
                InvalidValueException.require(alpha.isEmpty(), "alpha applies to weighted fusion only");
                return new ReciprocalRank(k.orElse(ReciprocalRank.DEFAULT_K));
            }
            case "weighted" -> {
                InvalidValueException.require(k.isEmpty(), "rrf_k applies to rrf fusion only");
                return new Weighted(alpha.orElse(Weighted.DEFAULT_ALPHA));
            }
            default -> throw new InvalidValueException("unknown fusion '" + name.get() + "' (expected rrf or weighted)");
        }
    }

    /** Reciprocal rank fusion: {@code score = Σ 1 / (k + rank)}. */
    record ReciprocalRank(int k) implements Fusion {

        public static final int DEFAULT_K = 60;
        public static final ReciprocalRank DEFAULT = new ReciprocalRank(DEFAULT_K);

        public ReciprocalRank {
            InvalidValueException.require(k >= 1, "rrf k must be at least 1");
        }
    }

    /**
     * Weighted sum of min-max normalised scores: {@code alpha · vector + (1 − alpha) · text}.
     */
    record Weighted(double alpha) implements Fusion {

        public static final double DEFAULT_ALPHA = 0.5;

        public Weighted {
            InvalidValueException.require(alpha >= 0 && alpha <= 1, "alpha must be between 0 and 1");
        }
    }
}
