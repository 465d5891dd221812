package dev.vectorizer.adapter.storage.index;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.apache.lucene.util.BytesRef;

/**
 * What a cosine document keeps so that the values the user wrote can be given back bit for bit from
 * the unit vector the index holds ({@link VectorSpace#unit}): the vector's length (a double) and, per
 * dimension, a 2-bit correction. Rescaling {@code (float) (unit[i] * length)} lands on the original or
 * on one of its two neighbouring floats (the unit value was rounded once to float, a relative error of
 * at most 2<sup>-24</sup>); the correction says which: 0 = as computed, 1 = one ulp up, 2 = one ulp
 * down. That is {@code 8 + ceil(d / 4)} bytes per vector (40 for 128 dimensions) instead of a second
 * {@code 4 d}-byte copy. {@link #encode} verifies the reconstruction of every dimension and returns
 * nothing where one would need more than one ulp (subnormal values), in which case the caller keeps a
 * full copy instead: the values read back are always exactly the ones written.
 */
final class CosineOriginals {

    private static final int UP = 1;
    private static final int DOWN = 2;

    private CosineOriginals() {
    }

    /** The bytes restoring {@code original} from {@code unit} (= {@link VectorSpace#unit}{@code (original)}), if 1 ulp suffices everywhere. */
    static Optional<byte[]> encode(float[] original, float[] unit) {
        double length = VectorSpace.length(original);
        byte[] out = new byte[Double.BYTES + (original.length + 3) / 4];
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putDouble(0, length);
        for (int i = 0; i < original.length; i++) {
            int wanted = Float.floatToRawIntBits(original[i]);
            float rescaled = rescale(unit[i], length);
            int code;
            if (Float.floatToRawIntBits(rescaled) == wanted) {
                code = 0;
            } else if (Float.floatToRawIntBits(Math.nextUp(rescaled)) == wanted) {
                code = UP;
            } else if (Float.floatToRawIntBits(Math.nextDown(rescaled)) == wanted) {
                code = DOWN;
            } else {
                return Optional.empty();
            }
            out[Double.BYTES + i / 4] |= (byte) (code << (i % 4 * 2));
        }
        return Optional.of(out);
    }

    /** The original values of a document whose indexed unit vector is {@code unit}. */
    static float[] decode(float[] unit, BytesRef bytes) {
        double length = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN).getDouble(bytes.offset);
        float[] original = new float[unit.length];
        for (int i = 0; i < unit.length; i++) {
            float rescaled = rescale(unit[i], length);
            int code = bytes.bytes[bytes.offset + Double.BYTES + i / 4] >>> (i % 4 * 2) & 3;
            original[i] = code == UP ? Math.nextUp(rescaled) : code == DOWN ? Math.nextDown(rescaled) : rescaled;
        }
        return original;
    }

    private static float rescale(float unit, double length) {
        return length == 0 ? unit : (float) (unit * length);
    }
}
