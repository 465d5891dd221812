package dev.vectorizer.adapter.storage.index;

import java.io.IOException;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.RandomAccessInput;
import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.VectorUtil;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.quantization.OptimizedScalarQuantizer;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * Scores a query against a segment's int8 vectors ({@link ScalarEncoding#UNSIGNED_BYTE}): the same
 * scores as Lucene 10.6's {@code Lucene104ScalarQuantizedVectorScorer}, bit for bit (the same quantized
 * query, an exact integer dot product, the corrections in Lucene's order of operations), faster.
 *
 * <p>Lucene's scorer seeks and reads each vector's bytes and its corrective terms in separate calls,
 * allocates the terms, and scores one vector per call; the float32 format instead scores several mapped
 * vectors per call. Here each vector and its terms are one positional read, and {@link #bulkScore}
 * reads four vectors before scoring them together (their cache misses overlap) with the CPU's widest
 * integer vectors. Each vector is {@code dimension} bytes followed by three floats and an int: lower
 * and upper interval, additional correction, sum of the quantized components.
 *
 * <p>Used only where the JDK's vector API compiles to at least 256-bit registers ({@link #AVAILABLE});
 * elsewhere Lucene's own scorer is.
 */
final class Int8Scorer implements RandomVectorScorer {

    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class, VectorShape.forBitSize(INTS.length() * Byte.SIZE));
    /** Lucene's scale of an 8-bit interval ({@code 1f / ((1 << 8) - 1)}, multiplied, not divided). */
    private static final float SCALE = 1f / ((1 << 8) - 1);
    private static final int CORRECTIONS = 3 * Float.BYTES + Integer.BYTES;
    private static final int BULK = 4;

    /** Whether this JVM runs the scorer at full speed: 8 or more int lanes (AVX2, AVX-512, SVE ≥ 256). */
    static final boolean AVAILABLE = INTS.vectorBitSize() >= 256;

    private final QuantizedByteVectorValues values;
    private final RandomAccessInput vectors;
    private final VectorSimilarityFunction similarity;
    private final int dimension;
    private final int stride;
    private final byte[] query;
    private final float queryLower;
    private final float queryInterval;
    private final float queryComponentSum;
    private final float queryCorrection;
    private final float centroidDotProduct;
    private final byte[][] read;

    /** A scorer of {@code target} against {@code values}, whose bytes {@code vectors} reads (its whole slice). */
    Int8Scorer(QuantizedByteVectorValues values, RandomAccessInput vectors, VectorSimilarityFunction similarity, float[] target)
            throws IOException {
        if (values.getScalarEncoding() != ScalarEncoding.UNSIGNED_BYTE || target.length != values.dimension()) {
            throw new IllegalArgumentException("an UNSIGNED_BYTE field of dimension " + target.length + " expected");
        }
        this.values = values;
        this.vectors = vectors;
        this.similarity = similarity;
        this.dimension = values.dimension();
        this.stride = dimension + CORRECTIONS;
        float[] copy = target.clone(); // quantizing changes its input
        if (similarity == VectorSimilarityFunction.COSINE) {
            VectorUtil.l2normalize(copy);
        }
        this.query = new byte[dimension];
        OptimizedScalarQuantizer.QuantizationResult corrections = values.getQuantizer().scalarQuantize(copy, query,
                ScalarEncoding.UNSIGNED_BYTE.getQueryBits(), values.getCentroid());
        this.queryLower = corrections.lowerInterval();
        this.queryInterval = (corrections.upperInterval() - queryLower) * SCALE;
        this.queryComponentSum = corrections.quantizedComponentSum();
        this.queryCorrection = corrections.additionalCorrection();
        this.centroidDotProduct = values.getCentroidDP();
        this.read = new byte[BULK][stride];
    }

    @Override
    public int maxOrd() {
        return values.size();
    }

    @Override
    public int ordToDoc(int ord) {
        return values.ordToDoc(ord);
    }

    @Override
    public Bits getAcceptOrds(Bits acceptDocs) {
        return values.getAcceptOrds(acceptDocs);
    }

    @Override
    public float score(int ord) throws IOException {
        byte[] vector = read(ord, 0);
        IntVector sum = IntVector.zero(INTS);
        int i = 0;
        for (int bound = BYTES.loopBound(dimension); i < bound; i += BYTES.length()) {
            sum = sum.add(ints(query, i).mul(ints(vector, i)));
        }
        return corrected(vector, sum.reduceLanes(VectorOperators.ADD) + tail(vector, i));
    }

    /** Four vectors at a time: all four read, then scored in one loop; returns the best score. */
    @Override
    public float bulkScore(int[] ords, float[] scores, int count) throws IOException {
        float max = Float.NEGATIVE_INFINITY;
        int n = 0;
        for (; n + BULK <= count; n += BULK) {
            byte[] v0 = read(ords[n], 0);
            byte[] v1 = read(ords[n + 1], 1);
            byte[] v2 = read(ords[n + 2], 2);
            byte[] v3 = read(ords[n + 3], 3);
            IntVector sum0 = IntVector.zero(INTS);
            IntVector sum1 = sum0;
            IntVector sum2 = sum0;
            IntVector sum3 = sum0;
            int i = 0;
            for (int bound = BYTES.loopBound(dimension); i < bound; i += BYTES.length()) {
                IntVector q = ints(query, i);
                sum0 = sum0.add(q.mul(ints(v0, i)));
                sum1 = sum1.add(q.mul(ints(v1, i)));
                sum2 = sum2.add(q.mul(ints(v2, i)));
                sum3 = sum3.add(q.mul(ints(v3, i)));
            }
            scores[n] = corrected(v0, sum0.reduceLanes(VectorOperators.ADD) + tail(v0, i));
            scores[n + 1] = corrected(v1, sum1.reduceLanes(VectorOperators.ADD) + tail(v1, i));
            scores[n + 2] = corrected(v2, sum2.reduceLanes(VectorOperators.ADD) + tail(v2, i));
            scores[n + 3] = corrected(v3, sum3.reduceLanes(VectorOperators.ADD) + tail(v3, i));
            max = Math.max(max, Math.max(Math.max(scores[n], scores[n + 1]), Math.max(scores[n + 2], scores[n + 3])));
        }
        for (; n < count; n++) {
            scores[n] = score(ords[n]);
            max = Math.max(max, scores[n]);
        }
        return max;
    }

    /** Vector {@code ord} and its corrective terms, read into buffer {@code slot}. */
    private byte[] read(int ord, int slot) throws IOException {
        vectors.readBytes((long) ord * stride, read[slot], 0, stride);
        return read[slot];
    }

    private static IntVector ints(byte[] bytes, int offset) {
        return (IntVector) ByteVector.fromArray(BYTES, bytes, offset).convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, 0);
    }

    /** The dimensions past the last whole vector register. */
    private int tail(byte[] vector, int from) {
        int sum = 0;
        for (int i = from; i < dimension; i++) {
            sum += Byte.toUnsignedInt(query[i]) * Byte.toUnsignedInt(vector[i]);
        }
        return sum;
    }

    /** Lucene's similarity from the quantized dot product and both sides' corrective terms, in Lucene's order. */
    private float corrected(byte[] vector, int dot) {
        float lower = Float.intBitsToFloat((int) BitUtil.VH_LE_INT.get(vector, dimension));
        float interval = (Float.intBitsToFloat((int) BitUtil.VH_LE_INT.get(vector, dimension + Float.BYTES)) - lower) * SCALE;
        float correction = Float.intBitsToFloat((int) BitUtil.VH_LE_INT.get(vector, dimension + 2 * Float.BYTES));
        float componentSum = (int) BitUtil.VH_LE_INT.get(vector, dimension + 3 * Float.BYTES);
        float score = lower * queryLower * dimension + queryLower * interval * componentSum + lower * queryInterval * queryComponentSum
                + interval * queryInterval * dot;
        if (similarity == VectorSimilarityFunction.EUCLIDEAN) {
            score = queryCorrection + correction - 2 * score;
            return Math.max(1 / (1f + score), 0);
        }
        score += queryCorrection + correction - centroidDotProduct;
        return similarity == VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT ? VectorUtil.scaleMaxInnerProductScore(score)
                : Math.max((1f + score) / 2f, 0);
    }
}
