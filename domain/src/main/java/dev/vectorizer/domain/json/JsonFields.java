package dev.vectorizer.domain.json;

import dev.vectorizer.domain.InvalidValueException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Typed reads from one JSON object of a {@link Json} tree (a request body, a tool's arguments, a
 * nested object). A field that is {@code null} counts as absent. A wrong type or a missing
 * required field is an {@link InvalidValueException} naming the field by its path from the
 * document ({@code vectors[3].payload}).
 */
public final class JsonFields {

    private final Map<?, ?> object;
    private final String path;

    private JsonFields(Map<?, ?> object, String path) {
        this.object = object;
        this.path = path;
    }

    /** A whole document, which must be a JSON object. */
    public static JsonFields body(Object document) {
        if (!(document instanceof Map<?, ?> map)) {
            throw new MalformedJsonException("the document must be a JSON object");
        }
        return new JsonFields(map, "");
    }

    /** A nested value, which must be an object; {@code name} is its path. */
    public static JsonFields of(Object value, String name) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidValueException("'" + name + "' must be a JSON object");
        }
        return new JsonFields(map, name);
    }

    /** Where this object is in its document ({@code ""} for the document itself). */
    public String path() {
        return path;
    }

    /** The path of one of this object's fields, for messages and nested reads. */
    public String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** The names of this object's fields, in document order. */
    public List<String> fields() {
        return object.keySet().stream().map(String::valueOf).toList();
    }

    public boolean has(String field) {
        return object.get(field) != null;
    }

    public Optional<Object> value(String field) {
        return Optional.ofNullable(object.get(field));
    }

    public Object required(String field) {
        return value(field).orElseThrow(() -> new InvalidValueException("'" + path(field) + "' is required"));
    }

    public String string(String field) {
        return asString(required(field), path(field));
    }

    public Optional<String> optionalString(String field) {
        return value(field).map(v -> asString(v, path(field)));
    }

    public int integer(String field) {
        return asInt(required(field), path(field));
    }

    public int integer(String field, int defaultValue) {
        return optionalInteger(field).orElse(defaultValue);
    }

    public Optional<Integer> optionalInteger(String field) {
        return value(field).map(v -> asInt(v, path(field)));
    }

    /** An integer field that fits a {@code long}; absent or {@code null} is empty. */
    public Optional<Long> optionalLong(String field) {
        return value(field).map(v -> asLong(v, path(field)));
    }

    /** A required integer that may exceed the {@code int} range (a count, a size in bytes). */
    public long longInteger(String field) {
        return asLong(required(field), path(field));
    }

    private static long asLong(Object value, String path) {
        InvalidValueException.require(value instanceof Long, "'" + path + "' must be an integer");
        return (Long) value;
    }

    public Optional<Double> number(String field) {
        return value(field).map(v -> {
            InvalidValueException.require(v instanceof Number, "'" + path(field) + "' must be a number");
            return ((Number) v).doubleValue();
        });
    }

    public boolean bool(String field, boolean defaultValue) {
        return value(field).map(v -> {
            InvalidValueException.require(v instanceof Boolean, "'" + path(field) + "' must be true or false");
            return (Boolean) v;
        }).orElse(defaultValue);
    }

    /** A nested object. */
    public JsonFields object(String field) {
        return of(required(field), path(field));
    }

    public Optional<JsonFields> optionalObject(String field) {
        return value(field).map(v -> of(v, path(field)));
    }

    public List<?> array(String field) {
        return asArray(required(field), path(field));
    }

    /** The objects of an array field, each with its path ({@code vectors[0]}, ...). */
    public List<JsonFields> objects(String field) {
        return items(field, JsonFields::of);
    }

    public List<String> strings(String field) {
        return items(field, JsonFields::asString);
    }

    /** Each element of an array field read by {@code read}, given the element and its path. */
    private <T> List<T> items(String field, BiFunction<Object, String, T> read) {
        List<?> items = array(field);
        List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(read.apply(items.get(i), path(field) + "[" + i + "]"));
        }
        return out;
    }

    public float[] vector(String field) {
        return vector(required(field), path(field));
    }

    public Optional<float[]> optionalVector(String field) {
        return value(field).map(v -> vector(v, path(field)));
    }

    /**
     * An array of numbers as floats, each the nearest float; one beyond the float range becomes
     * an infinity, which the domain refuses.
     */
    public static float[] vector(Object value, String name) {
        if (value instanceof NumberArray numbers) {
            return numbers.toFloats();
        }
        List<?> items = asArray(value, name);
        float[] out = new float[items.size()];
        for (int i = 0; i < out.length; i++) {
            InvalidValueException.require(items.get(i) instanceof Number, "'" + name + "' must be an array of numbers");
            out[i] = ((Number) items.get(i)).floatValue();
        }
        return out;
    }

    public static String asString(Object value, String name) {
        InvalidValueException.require(value instanceof String, "'" + name + "' must be a string");
        return (String) value;
    }

    public static List<?> asArray(Object value, String name) {
        InvalidValueException.require(value instanceof List<?>, "'" + name + "' must be an array");
        return (List<?>) value;
    }

    private static int asInt(Object value, String name) {
        InvalidValueException.require(value instanceof Long n && n == n.intValue(), "'" + name + "' must be an integer");
        return ((Long) value).intValue();
    }
}
