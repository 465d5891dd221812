package dev.vectorizer.adapter.rest.json;

import dev.vectorizer.adapter.rest.problem.ErrorType;
import dev.vectorizer.adapter.rest.problem.ProblemException;
import dev.vectorizer.domain.InvalidValueException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Typed reads from a request's JSON object. Every wrong type or missing field becomes an
 * {@link InvalidValueException} naming the field, which the caller sees as a 400.
 */
public final class JsonFields {

    private final JsonObject object;
    private final String context;

    private JsonFields(JsonObject object, String context) {
        this.object = object;
        this.context = context;
    }

    /** The request body, which must be a JSON object. */
    public static JsonFields body(JsonValue body) {
        if (!(body instanceof JsonObject object)) {
            throw new ProblemException(ErrorType.MALFORMED_JSON, "the request body must be a JSON object");
        }
        return new JsonFields(object, "");
    }

    /** A nested object value. */
    public static JsonFields of(JsonValue value, String name) {
        InvalidValueException.require(value instanceof JsonObject, "'" + name + "' must be a JSON object");
        return new JsonFields((JsonObject) value, name + ".");
    }

    public boolean has(String field) {
        return object.containsKey(field) && object.get(field).getValueType() != JsonValue.ValueType.NULL;
    }

    public Optional<JsonValue> value(String field) {
        return has(field) ? Optional.of(object.get(field)) : Optional.empty();
    }

    public JsonValue required(String field) {
        return value(field).orElseThrow(() -> new InvalidValueException("'" + context + field + "' is required"));
    }

    public String string(String field) {
        return asString(required(field), context + field);
    }

    public Optional<String> optionalString(String field) {
        return value(field).map(v -> asString(v, context + field));
    }

    public int integer(String field, int defaultValue) {
        return value(field).map(v -> asInt(v, context + field)).orElse(defaultValue);
    }

    public Optional<Double> number(String field) {
        return value(field).map(v -> {
            InvalidValueException.require(v instanceof JsonNumber, "'" + context + field + "' must be a number");
            return ((JsonNumber) v).doubleValue();
        });
    }

    public boolean bool(String field, boolean defaultValue) {
        return value(field).map(v -> {
            InvalidValueException.require(v == JsonValue.TRUE || v == JsonValue.FALSE, "'" + context + field + "' must be true or false");
            return v == JsonValue.TRUE;
        }).orElse(defaultValue);
    }

    public JsonArray array(String field) {
        return asArray(required(field), context + field);
    }

    public Optional<float[]> optionalVector(String field) {
        return value(field).map(v -> vector(v, context + field));
    }

    public float[] vector(String field) {
        return vector(required(field), context + field);
    }

    public List<String> strings(String field) {
        JsonArray items = array(field);
        List<String> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(asString(items.get(i), context + field + "[" + i + "]"));
        }
        return out;
    }

    /** A JSON array of numbers as floats; the domain rejects values that overflow to infinity. */
    public static float[] vector(JsonValue value, String name) {
        JsonArray items = asArray(value, name);
        float[] out = new float[items.size()];
        for (int i = 0; i < out.length; i++) {
            InvalidValueException.require(items.get(i) instanceof JsonNumber, "'" + name + "' must be an array of numbers");
            out[i] = (float) ((JsonNumber) items.get(i)).doubleValue();
        }
        return out;
    }

    public static String asString(JsonValue value, String name) {
        InvalidValueException.require(value instanceof JsonString, "'" + name + "' must be a string");
        return ((JsonString) value).getString();
    }

    public static JsonArray asArray(JsonValue value, String name) {
        InvalidValueException.require(value instanceof JsonArray, "'" + name + "' must be an array");
        return (JsonArray) value;
    }

    private static int asInt(JsonValue value, String name) {
        InvalidValueException.require(value instanceof JsonNumber n && n.isIntegral() && n.bigIntegerValue().bitLength() < 32,
                "'" + name + "' must be an integer");
        return ((JsonNumber) value).intValue();
    }
}
