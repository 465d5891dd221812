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
 * Scores a query against a segment's int8 ({@link ScalarEncoding#UNSIGNED_BYTE}) or int4
 * ({@link ScalarEncoding#PACKED_NIBBLE}) vectors: the same scores as Lucene 10.6's
 * {@code Lucene104ScalarQuantizedVectorScorer}, bit for bit (the same quantized query, an exact integer
 * dot product, the corrections in Lucene's order of operations), faster.
 *
 * <p>Lucene's scorer seeks and reads each vector's bytes and its corrective terms in separate calls,
 * allocates the terms, and scores one vector per call; the float32 format instead scores several mapped
 * vectors per call. Here each vector and its terms are one positional read, and {@link #bulkScore}
 * reads four vectors before scoring them together (their cache misses overlap) with the CPU's widest
 * integer vectors. On disk a vector is its quantized dimensions followed by three floats and an int:
 * lower and upper interval, additional correction, sum of the quantized components. An int4 vector
 * packs two dimensions a byte (dimension {@code i} in the high half of byte {@code i}, dimension
 * {@code i + n/2} in its low half); it is unpacked after the read, so both encodings share one loop.
 *
 * <p>Used only where the JDK's vector API compiles to at least 256-bit registers ({@link #AVAILABLE});
 * elsewhere Lucene's own scorer is.
 */
final class QuantizedScorer implements RandomVectorScorer {

    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class, VectorShape.forBitSize(INTS.length() * Byte.SIZE));
    private static final VectorSpecies<Byte> PACKED = ByteVector.SPECIES_PREFERRED;
    private static final int CORRECTIONS = 3 * Float.BYTES + Integer.BYTES;
    private static final int BULK = 4;

    /** Whether this JVM runs the scorer at full speed: 8 or more int lanes (AVX2, AVX-512, SVE ≥ 256). */
    static final boolean AVAILABLE = INTS.vectorBitSize() >= 256;

    private final QuantizedByteVectorValues values;
    private final RandomAccessInput vectors;
    private final VectorSimilarityFunction similarity;
    private final int dimension;
    private final boolean packed;
    /** Bytes of a vector's quantized dimensions on disk. */
    private final int length;
    private final int stride;
    /** Lucene's scale of a document's interval ({@code 1f / ((1 << bits) - 1)}, multiplied, not divided). */
    private final float scale;
    private final byte[] query;
    private final float queryLower;
    private final float queryInterval;
    private final float queryComponentSum;
    private final float queryCorrection;
    private final float centroidDotProduct;
    private final byte[][] read;
    private final byte[][] unpacked;

    /** Whether {@code encoding} is one this scorer scores. */
    static boolean scores(ScalarEncoding encoding) {
        return encoding == ScalarEncoding.UNSIGNED_BYTE || encoding == ScalarEncoding.PACKED_NIBBLE;
    }

    /** A scorer of {@code target} against {@code values}, whose bytes {@code vectors} reads (its whole slice). */
    QuantizedScorer(QuantizedByteVectorValues values, RandomAccessInput vectors, VectorSimilarityFunction similarity, float[] target)
            throws IOException {
        ScalarEncoding encoding = values.getScalarEncoding();
        if (!scores(encoding) || target.length != values.dimension()) {
            throw new IllegalArgumentException("an int8 or int4 field of dimension " + target.length + " expected");
        }
        this.values = values;
        this.vectors = vectors;
        this.similarity = similarity;
        this.dimension = values.dimension();
        this.packed = encoding == ScalarEncoding.PACKED_NIBBLE;
        this.length = encoding.getDocPackedLength(dimension);
        this.stride = length + CORRECTIONS;
        this.scale = scale(encoding.getBits());
        float[] copy = target.clone(); // quantizing changes its input
        if (similarity == VectorSimilarityFunction.COSINE) {
            VectorUtil.l2normalize(copy);
        }
        this.query = new byte[encoding.getDiscreteDimensions(dimension)];
        OptimizedScalarQuantizer.QuantizationResult corrections = values.getQuantizer().scalarQuantize(copy, query,
                encoding.getQueryBits(), values.getCentroid());
        this.queryLower = corrections.lowerInterval();
        this.queryInterval = (corrections.upperInterval() - queryLower) * scale(encoding.getQueryBits());
        this.queryComponentSum = corrections.quantizedComponentSum();
        this.queryCorrection = corrections.additionalCorrection();
        this.centroidDotProduct = values.getCentroidDP();
        this.read = new byte[BULK][stride];
        this.unpacked = packed ? new byte[BULK][query.length] : read;
    }

    private static float scale(int bits) {
        return 1f / ((1 << bits) - 1);
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
        for (int bound = BYTES.loopBound(query.length); i < bound; i += BYTES.length()) {
            sum = sum.add(ints(query, i).mul(ints(vector, i)));
        }
        return corrected(read[0], sum.reduceLanes(VectorOperators.ADD) + tail(vector, i));
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
            for (int bound = BYTES.loopBound(query.length); i < bound; i += BYTES.length()) {
                IntVector q = ints(query, i);
                sum0 = sum0.add(q.mul(ints(v0, i)));
                sum1 = sum1.add(q.mul(ints(v1, i)));
                sum2 = sum2.add(q.mul(ints(v2, i)));
                sum3 = sum3.add(q.mul(ints(v3, i)));
            }
            scores[n] = corrected(read[0], sum0.reduceLanes(VectorOperators.ADD) + tail(v0, i));
            scores[n + 1] = corrected(read[1], sum1.reduceLanes(VectorOperators.ADD) + tail(v1, i));
            scores[n + 2] = corrected(read[2], sum2.reduceLanes(VectorOperators.ADD) + tail(v2, i));
            scores[n + 3] = corrected(read[3], sum3.reduceLanes(VectorOperators.ADD) + tail(v3, i));
            max = Math.max(max, Math.max(Math.max(scores[n], scores[n + 1]), Math.max(scores[n + 2], scores[n + 3])));
        }
        for (; n < count; n++) {
            scores[n] = score(ords[n]);
            max = Math.max(max, scores[n]);
        }
        return max;
    }

    /**
     * Vector {@code ord} and its corrective terms, read into buffer {@code slot}; returns its dimensions
     * one a byte (an int4 vector unpacked into {@code unpacked[slot]}).
     */
    private byte[] read(int ord, int slot) throws IOException {
        byte[] bytes = read[slot];
        vectors.readBytes((long) ord * stride, bytes, 0, stride);
        if (!packed) {
            return bytes;
        }
        byte[] dimensions = unpacked[slot];
        int i = 0;
        for (int bound = PACKED.loopBound(length); i < bound; i += PACKED.length()) {
            ByteVector pairs = ByteVector.fromArray(PACKED, bytes, i);
            pairs.lanewise(VectorOperators.LSHR, 4).and((byte) 0x0F).intoArray(dimensions, i);
            pairs.and((byte) 0x0F).intoArray(dimensions, length + i);
        }
        for (; i < length; i++) {
            dimensions[i] = (byte) ((bytes[i] >> 4) & 0x0F);
            dimensions[length + i] = (byte) (bytes[i] & 0x0F);
        }
        return dimensions;
    }

    private static IntVector ints(byte[] bytes, int offset) {
        return (IntVector) ByteVector.fromArray(BYTES, bytes, offset).convertShape(VectorOperators.ZERO_EXTEND_B2I, INTS, 0);
    }

    /** The dimensions past the last whole vector register. */
    private int tail(byte[] vector, int from) {
        int sum = 0;
        for (int i = from; i < query.length; i++) {
            sum += Byte.toUnsignedInt(query[i]) * Byte.toUnsignedInt(vector[i]);
        }
        return sum;
    }

    /** Lucene's similarity from the quantized dot product and both sides' corrective terms ({@code read}), in Lucene's order. */
    private float corrected(byte[] read, int dot) {
        float lower = Float.intBitsToFloat((int) BitUtil.VH_LE_INT.get(read, length));
        float interval = (Float.intBitsToFloat((int) BitUtil.VH_LE_INT.get(read, length + Float.BYTES)) - lower) * scale;
        float correction = Float.intBitsToFloat((int) BitUtil.VH_LE_INT.get(read, length + 2 * Float.BYTES));
        float componentSum = (int) BitUtil.VH_LE_INT.get(read, length + 3 * Float.BYTES);
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
