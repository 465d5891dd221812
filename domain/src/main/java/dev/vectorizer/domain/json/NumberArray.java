package dev.vectorizer.domain.json;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A parsed JSON array of numbers, held unboxed: the parser's form of vectors, so that a batch of a
 * thousand 4096-dimension vectors is not four million boxed numbers. As a {@code List} it shows the
 * same {@code Long}/{@code Double} elements the boxed form would; it is immutable.
 */
final class NumberArray extends AbstractList<Object> implements RandomAccess {

    /** Integers up to this magnitude are exact as doubles, so one {@code double[]} holds both kinds. */
    private static final long EXACT = 1L << 53;

    private final double[] values;
    private final BitSet integers;

    private NumberArray(double[] values, BitSet integers) {
        this.values = values;
        this.integers = integers;
    }

    @Override
    public Object get(int index) {
        Objects.checkIndex(index, values.length);
        return integers.get(index) ? (Object) (long) values[index] : (Object) values[index];
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The numbers as floats, each rounded to the nearest float (±Infinity beyond its range). */
    float[] toFloats() {
        float[] floats = new float[values.length];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    /** Collects the numbers of one array while they come; {@link #boxed} when another value turns up. */
    static final class Builder {
        private double[] values = new double[16];
        private final BitSet integers = new BitSet();
        private int size;

        /** Adds an integer, unless it is beyond exact doubles (then the caller boxes). */
        boolean add(long value) {
            if (value > EXACT || value < -EXACT) {
                return false;
            }
            integers.set(size);
            append(value);
            return true;
        }

        void add(double value) {
            append(value);
        }

        private void append(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        NumberArray build() {
            return new NumberArray(Arrays.copyOf(values, size), integers);
        }

        /** What was collected so far as an ordinary list, to go on with values of any kind. */
        List<Object> boxed() {
            List<Object> list = new ArrayList<>(Math.max(16, size * 2));
            list.addAll(new NumberArray(Arrays.copyOf(values, size), integers));
            return list;
        }
    }
}
