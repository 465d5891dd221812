package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.json.PayloadJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One write call as one translog record: a whole batch, replayed all or nothing. Deletes carry the
 * resolved ids (also for {@code deleteMatching}), so replay never re-evaluates a filter and is
 * deterministic. Both operations are idempotent per id (replace or remove a whole document), so
 * replaying records whose effect is already in the last Lucene commit is harmless.
 *
 * <p>Binary form (big-endian): a type byte, then for {@link Upsert} the vector count and per vector
 * the id, dimension, float values, payload JSON bytes and an optional text; for {@link Delete} the id
 * count and the ids. Strings and byte arrays are length-prefixed.
 */
sealed interface TranslogOperation {

    byte UPSERT = 1;
    byte DELETE = 2;

    record Upsert(List<Vector> vectors) implements TranslogOperation {
    }

    record Delete(List<VectorId> ids) implements TranslogOperation {
    }

    default byte[] encode() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            switch (this) {
                case Upsert upsert -> {
                    out.writeByte(UPSERT);
                    out.writeInt(upsert.vectors().size());
                    for (Vector v : upsert.vectors()) {
                        writeString(out, v.id().value());
                        out.writeInt(v.values().length);
                        for (float f : v.values()) {
                            out.writeFloat(f);
                        }
                        writeBytes(out, PayloadJson.toBytes(v.payload()));
                        out.writeBoolean(v.text().isPresent());
                        if (v.text().isPresent()) {
                            writeString(out, v.text().get());
                        }
                    }
                }
                case Delete delete -> {
                    out.writeByte(DELETE);
                    out.writeInt(delete.ids().size());
                    for (VectorId id : delete.ids()) {
                        writeString(out, id.value());
                    }
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TranslogOperation decode(byte[] record) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(record));
        byte type = in.readByte();
        int count = in.readInt();
        switch (type) {
            case UPSERT -> {
                List<Vector> vectors = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    VectorId id = new VectorId(readString(in));
                    float[] values = new float[in.readInt()];
                    for (int d = 0; d < values.length; d++) {
                        values[d] = in.readFloat();
                    }
                    Payload payload = PayloadJson.fromBytes(readBytes(in));
                    Optional<String> text = in.readBoolean() ? Optional.of(readString(in)) : Optional.empty();
                    vectors.add(new Vector(id, values, payload, text));
                }
                return new Upsert(vectors);
            }
            case DELETE -> {
                List<VectorId> ids = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    ids.add(new VectorId(readString(in)));
                }
                return new Delete(ids);
            }
            default -> throw new IOException("unknown translog operation " + type);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }
}
