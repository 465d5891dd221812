package dev.vectorizer.domain;

import dev.vectorizer.domain.json.Json;
import java.util.Optional;

/**
 * A point of a collection: id, dense values, JSON payload and, for text inserted through
 * {@code insert_text}, the text it was embedded from (indexed for BM25). The array is not copied;
 * treat it as immutable.
 */
public record Vector(VectorId id, float[] values, Payload payload, Optional<String> text) {

    public Vector {
        InvalidValueException.require(id != null, "vector id is required");
        // messages built only on failure: this runs for every value written and read
        if (values == null || values.length == 0) {
            throw new InvalidValueException("vector '" + id + "' has no values");
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new InvalidValueException("vector '" + id + "' contains NaN or Infinity");
            }
        }
        payload = payload == null ? Payload.EMPTY : payload;
        InvalidValueException.require(text != null, "text must be present or empty");
    }

    public Vector(VectorId id, float[] values, Payload payload) {
        this(id, values, payload, Optional.empty());
    }

    /**
     * What this vector counts against a storage quota: 4 bytes per value plus the UTF-8 bytes of its
     * id, payload and text written as JSON. A measure of the data, not of the files (which add the
     * search graph and segment overhead), so that it is the same on every node and after every merge.
     */
    public long storedBytes() {
        return (long) Float.BYTES * values.length + Json.utf8Length(id.value()) + Json.utf8Length(payload.fields())
                + text.map(Json::utf8Length).orElse(0L);
    }
}
