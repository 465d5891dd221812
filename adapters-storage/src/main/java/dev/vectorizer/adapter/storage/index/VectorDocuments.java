package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.json.PayloadJson;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
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
 *   <li>{@value #ID}: keyword, stored, with sorted doc values for scrolling in id order;</li>
 *   <li>{@value #VECTOR}: the kNN field ({@link KnnFloatVectorField}) with the values and similarity of the
 *       collection's {@link VectorSpace} (unit vectors for cosine);</li>
 *   <li>{@value #VALUES}: a stored little-endian float32 copy of the values. {@code get}, scroll and
 *       {@code with_vector} read this copy rather than the codec's vector values, so the returned
 *       values are bit-identical to what was written whatever the quantization or metric (a few bytes
 *       per dimension of extra disk, fetched only for returned hits);</li>
 *   <li>{@value #PAYLOAD}: the payload as stored JSON ({@link PayloadJson}), plus the filter fields of
 *       {@link PayloadFields};</li>
 *   <li>{@value #TEXT}: the optional text, stored and analysed ({@link TextField}, BM25);</li>
 *   <li>{@value #STORED_BYTES}: the vector's {@link Vector#storedBytes} as a doc value, what the storage
 *       quota counts ({@link StoredSizes}).</li>
 * </ul>
 */
final class VectorDocuments {

    static final String ID = "_id";
    static final String VECTOR = "vector";
    static final String VALUES = "_values";
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
        doc.add(new SortedDocValuesField(ID, new BytesRef(vector.id().value())));
        doc.add(new KnnFloatVectorField(VECTOR, space.indexed(vector.values()), space.similarity()));
        doc.add(new StoredField(VALUES, encode(vector.values())));
        doc.add(new StoredField(PAYLOAD, PayloadJson.toBytes(vector.payload())));
        vector.text().ifPresent(text -> doc.add(new TextField(TEXT, text, Field.Store.YES)));
        doc.add(new NumericDocValuesField(STORED_BYTES, vector.storedBytes()));
        PayloadFields.addTo(doc, vector.payload());
        return doc;
    }

    /** The vector of a document loaded with all stored fields. */
    static Vector fromDocument(Document doc) {
        return new Vector(new VectorId(doc.get(ID)), values(doc), payload(doc), Optional.ofNullable(doc.get(TEXT)));
    }

    static VectorId id(Document doc) {
        return new VectorId(doc.get(ID));
    }

    static float[] values(Document doc) {
        return decode(doc.getBinaryValue(VALUES));
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
