package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.Metric;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * How a collection's {@link Metric} is laid onto Lucene: the similarity function of the vector field,
 * the values indexed and searched for a vector, and Lucene's scores back in the natural, "higher is
 * closer" units promised by {@link Metric}.
 *
 * <ul>
 *   <li>{@code COSINE} indexes and searches unit vectors (normalised here, in double precision, so
 *       that vectors as short as {@code [1e-30, 1e-30]} keep their direction) with
 *       {@link VectorSimilarityFunction#DOT_PRODUCT}, which scores {@code (1 + cos) / 2}; we return
 *       {@code cos = 2 * score - 1}, in [-1, 1]. Lucene's own {@code COSINE} would normalise in float
 *       (a tiny vector's norm underflows to 0 and scores NaN) and its quantized formats normalise the
 *       per-segment centroid, which fails ("Cannot normalize a zero-length vector") whenever the
 *       vectors of one flush or merge cancel out, such as {@code [1, 0]} and {@code [-1, 0]}; with
 *       unit vectors and {@code DOT_PRODUCT} nothing is normalised by Lucene and every non-zero input
 *       indexes. What {@code get} returns is still exactly what was written ({@link CosineOriginals}).</li>
 *   <li>{@code EUCLIDEAN} uses {@link VectorSimilarityFunction#EUCLIDEAN}, which already scores
 *       {@code 1 / (1 + d²)}; returned unchanged.</li>
 *   <li>{@code DOT_PRODUCT} uses {@link VectorSimilarityFunction#MAXIMUM_INNER_PRODUCT} (no unit-length
 *       requirement), which scales the dot product {@code p} to a positive score:
 *       {@code 1 / (1 - p)} for {@code p < 0} and {@code p + 1} otherwise. We invert it: a score below 1
 *       gives {@code p = 1 - 1 / score}, any other {@code p = score - 1}.</li>
 * </ul>
 * Indexes written before unit vectors were introduced keep Lucene's {@code COSINE} for cosine
 * collections ({@link #legacy}): a field's similarity is fixed once written. They are fed unit vectors
 * too, which scores the same. The inversions are exact up to float rounding; ranking order is
 * unchanged because every conversion is strictly increasing.
 */
record VectorSpace(Metric metric, VectorSimilarityFunction similarity) {

    /** The space of an index created now. */
    static VectorSpace of(Metric metric) {
        return new VectorSpace(metric, switch (metric) {
            case COSINE -> VectorSimilarityFunction.DOT_PRODUCT;
            case EUCLIDEAN -> VectorSimilarityFunction.EUCLIDEAN;
            case DOT_PRODUCT -> VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
        });
    }

    /** The space of an index written before the similarity was recorded in its commits. */
    static VectorSpace legacy(Metric metric) {
        return metric == Metric.COSINE ? new VectorSpace(metric, VectorSimilarityFunction.COSINE) : of(metric);
    }

    /** The values to index, or to search with, for {@code values}. */
    float[] indexed(float[] values) {
        return metric == Metric.COSINE ? unit(values) : values;
    }

    /**
     * {@code values} scaled to length 1, computed in double so that neither a tiny nor a huge vector
     * under- or overflows; a zero vector (which the domain refuses for cosine) stays zero.
     */
    static float[] unit(float[] values) {
        double length = length(values);
        if (length == 0) {
            return values;
        }
        float[] unit = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            unit[i] = (float) (values[i] / length);
        }
        return unit;
    }

    /** The Euclidean length of {@code values}, computed in double. */
    static double length(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum);
    }

    /** Lucene's score of a vector hit, in the metric's natural units. */
    float natural(float luceneScore) {
        return switch (metric) {
            case COSINE -> 2f * luceneScore - 1f;
            case EUCLIDEAN -> luceneScore;
            case DOT_PRODUCT -> luceneScore < 1f ? 1f - 1f / luceneScore : luceneScore - 1f;
        };
    }
}
