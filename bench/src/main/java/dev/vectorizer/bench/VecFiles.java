package dev.vectorizer.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The TEXMEX {@code .fvecs} / {@code .ivecs} formats (as used by ANN benchmarks): per row a
 * little-endian int32 dimension followed by that many little-endian float32 / int32 values.
 * Files are written to a temporary sibling and moved into place, so a cached file is never partial.
 */
public final class VecFiles {

    private VecFiles() {
    }

    public static void writeFloats(Path file, float[][] rows) throws IOException {
        write(file, rows.length, (out, buffer, i) -> {
            buffer.putInt(rows[i].length);
            for (float v : rows[i]) {
                buffer.putFloat(v);
            }
        }, rows.length == 0 ? 0 : rows[0].length);
    }

    public static void writeInts(Path file, int[][] rows) throws IOException {
        write(file, rows.length, (out, buffer, i) -> {
            buffer.putInt(rows[i].length);
            for (int v : rows[i]) {
                buffer.putInt(v);
            }
        }, rows.length == 0 ? 0 : rows[0].length);
    }

    public static float[][] readFloats(Path file) throws IOException {
        List<float[]> rows = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            byte[] header = new byte[4];
            while (readFully(in, header)) {
                int dim = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt();
                byte[] bytes = new byte[dim * 4];
                in.readFully(bytes);
                float[] row = new float[dim];
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(row);
                rows.add(row);
            }
        }
        return rows.toArray(float[][]::new);
    }

    public static int[][] readInts(Path file) throws IOException {
        List<int[]> rows = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
            byte[] header = new byte[4];
            while (readFully(in, header)) {
                int dim = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt();
                byte[] bytes = new byte[dim * 4];
                in.readFully(bytes);
                int[] row = new int[dim];
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(row);
                rows.add(row);
            }
        }
        return rows.toArray(int[][]::new);
    }

    private static boolean readFully(DataInputStream in, byte[] header) throws IOException {
        int first = in.read();
        if (first < 0) {
            return false;
        }
        header[0] = (byte) first;
        try {
            in.readFully(header, 1, header.length - 1);
        } catch (EOFException e) {
            throw new IOException("truncated vector file", e);
        }
        return true;
    }

    private interface RowWriter {
        void put(OutputStream out, ByteBuffer buffer, int row);
    }

    private static void write(Path file, int count, RowWriter writer, int width) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * width).order(ByteOrder.LITTLE_ENDIAN);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 20)) {
            for (int i = 0; i < count; i++) {
                buffer.clear();
                writer.put(out, buffer, i);
                out.write(buffer.array(), 0, buffer.position());
            }
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
