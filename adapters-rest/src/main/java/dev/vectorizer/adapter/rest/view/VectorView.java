package dev.vectorizer.adapter.rest.view;

import dev.vectorizer.adapter.rest.json.PayloadJson;
import dev.vectorizer.domain.Vector;
import jakarta.json.JsonObject;

/** A stored vector as the API shows it. */
public record VectorView(String id, float[] vector, JsonObject payload) {

    public static VectorView of(Vector vector) {
        return new VectorView(vector.id().value(), vector.values(), PayloadJson.toJson(vector.payload()));
    }
}
