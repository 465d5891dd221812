package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.Metric;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * Maps a collection's {@link Metric} to Lucene's similarity function and converts Lucene's scores
 * back to the natural, "higher is closer" units promised by {@link Metric}.
 *
 * <ul>
 *   <li>{@code COSINE} uses {@link VectorSimilarityFunction#COSINE}, which scores {@code (1 + cos) / 2};
 *       we return {@code cos = 2 * score - 1}, in [-1, 1].</li>
 *   <li>{@code EUCLIDEAN} uses {@link VectorSimilarityFunction#EUCLIDEAN}, which already scores
 *       {@code 1 / (1 + d²)}; returned unchanged.</li>
 *   <li>{@code DOT_PRODUCT} uses {@link VectorSimilarityFunction#MAXIMUM_INNER_PRODUCT} (no unit-length
 *       requirement), which scales the dot product {@code p} to a positive score:
 *       {@code 1 / (1 - p)} for {@code p < 0} and {@code p + 1} otherwise. We invert it: a score below 1
 *       gives {@code p = 1 - 1 / score}, any other {@code p = score - 1}.</li>
 * </ul>
 * The inversions are exact up to float rounding; ranking order is unchanged because every
 * conversion is strictly increasing.
 */
final class MetricScores {

    private MetricScores() {
    }

    static VectorSimilarityFunction similarity(Metric metric) {
        return switch (metric) {
            case COSINE -> VectorSimilarityFunction.COSINE;
            case EUCLIDEAN -> VectorSimilarityFunction.EUCLIDEAN;
            case DOT_PRODUCT -> VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
        };
    }

    /** Lucene's score of a vector hit, in the metric's natural units. */
    static float natural(Metric metric, float luceneScore) {
        return switch (metric) {
            case COSINE -> 2f * luceneScore - 1f;
            case EUCLIDEAN -> luceneScore;
            case DOT_PRODUCT -> luceneScore < 1f ? 1f - 1f / luceneScore : luceneScore - 1f;
        };
    }
}
