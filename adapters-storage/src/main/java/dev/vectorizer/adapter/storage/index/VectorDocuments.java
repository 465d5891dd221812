package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.json.PayloadJson;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * One vector as one Lucene document, and back.
 * <ul>
 *   <li>{@value #ID}: keyword, stored, with sorted doc values (scrolling sorts by them);</li>
 *   <li>{@value #ID_BYTES}: the id again as binary doc values, where a search hit reads it ({@link IdValues}:
 *       the sorted doc values decompress a block of their terms dictionary per lookup); documents written
 *       before this field existed lack it;</li>
 *   <li>{@value #VECTOR}: the kNN field ({@link KnnFloatVectorField}) with the values and similarity of the
 *       collection's {@link VectorSpace} (unit vectors for cosine). Every format, quantized ones included,
 *       keeps these float32 values, and {@code get}, scroll and {@code with_vector} read the vector back
 *       from them ({@link IndexedVectors}): for euclidean and dot product they are the written values;</li>
 *   <li>{@value #ORIGINAL}, cosine only: the stored length and ulp corrections ({@link CosineOriginals},
 *       {@code 8 + d/4} bytes) that turn the indexed unit vector back into exactly the written values;</li>
 *   <li>{@value #VALUES}: a stored little-endian float32 copy of the values, written only for a cosine
 *       vector that {@link CosineOriginals} cannot restore (subnormal values), and by every version before
 *       {@value #ORIGINAL} existed; where present it is what is read back;</li>
 *   <li>{@value #PAYLOAD}: the payload as stored JSON ({@link PayloadJson}), plus the filter fields of
 *       {@link PayloadFields};</li>
 *   <li>{@value #TEXT}: the optional text, stored and analysed ({@link TextField}, BM25);</li>
 *   <li>{@value #STORED_BYTES}: the vector's {@link Vector#storedBytes} as a doc value, what the storage
 *       quota counts ({@link StoredSizes}).</li>
 * </ul>
 */
final class VectorDocuments {

    static final String ID = "_id";
    static final String ID_BYTES = "_id_bytes";
    static final String VECTOR = "vector";
    static final String VALUES = "_values";
    static final String ORIGINAL = "_original";
    static final String PAYLOAD = "_payload";
    static final String TEXT = "_text";
    static final String STORED_BYTES = "_stored_bytes";

    private VectorDocuments() {
    }

    static Term idTerm(VectorId id) {
        return new Term(ID, id.value());
    }

    static Document toDocument(Vector vector, VectorSpace space) {
        Document doc = new Document();
        doc.add(new StringField(ID, vector.id().value(), Field.Store.YES));
        BytesRef id = new BytesRef(vector.id().value());
        doc.add(new SortedDocValuesField(ID, id));
        doc.add(new BinaryDocValuesField(ID_BYTES, id));
        float[] indexed = space.indexed(vector.values());
        doc.add(new KnnFloatVectorField(VECTOR, indexed, space.similarity()));
        if (space.metric() == Metric.COSINE) {
            CosineOriginals.encode(vector.values(), indexed).ifPresentOrElse(
                    original -> doc.add(new StoredField(ORIGINAL, original)),
                    () -> doc.add(new StoredField(VALUES, encode(vector.values()))));
        }
        doc.add(new StoredField(PAYLOAD, PayloadJson.toBytes(vector.payload())));
        vector.text().ifPresent(text -> doc.add(new TextField(TEXT, text, Field.Store.YES)));
        doc.add(new NumericDocValuesField(STORED_BYTES, vector.storedBytes()));
        PayloadFields.addTo(doc, vector.payload());
        return doc;
    }

    /**
     * The vector of a document loaded with all stored fields, whose vector field holds {@code indexed}
     * ({@link IndexedVectors}).
     */
    static Vector fromDocument(Document doc, float[] indexed) {
        return new Vector(new VectorId(doc.get(ID)), values(doc, indexed), payload(doc), Optional.ofNullable(doc.get(TEXT)));
    }

    static VectorId id(Document doc) {
        return new VectorId(doc.get(ID));
    }

    /**
     * The written values of a document whose vector field holds {@code indexed}; {@code doc} must hold the
     * stored fields {@value #VALUES} and {@value #ORIGINAL} if it has them.
     */
    static float[] values(Document doc, float[] indexed) {
        BytesRef copy = doc.getBinaryValue(VALUES);
        if (copy != null) {
            return decode(copy);
        }
        BytesRef original = doc.getBinaryValue(ORIGINAL);
        return original == null ? indexed : CosineOriginals.decode(indexed, original);
    }

    static Payload payload(Document doc) {
        BytesRef bytes = doc.getBinaryValue(PAYLOAD);
        return bytes == null ? Payload.EMPTY
                : PayloadJson.fromBytes(java.util.Arrays.copyOfRange(bytes.bytes, bytes.offset, bytes.offset + bytes.length));
    }

    static byte[] encode(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    static float[] decode(BytesRef bytes) {
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
