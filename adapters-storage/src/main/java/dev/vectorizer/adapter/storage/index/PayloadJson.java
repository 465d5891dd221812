package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.Payload;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a {@link Payload} as UTF-8 JSON bytes with Jakarta JSON-P. Integers ({@code Long}) are written
 * without a fraction and read back as {@code Long}; other numbers are written as doubles and read back
 * as {@code Double}, so a payload survives the round trip with its value types.
 */
final class PayloadJson {

    private PayloadJson() {
    }

    static byte[] toBytes(Payload payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var writer = Json.createWriter(out)) {
            writer.writeObject(object(payload.fields()));
        }
        return out.toByteArray();
    }

    static Payload fromBytes(byte[] bytes) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) value(reader.readObject());
            return new Payload(fields);
        }
    }

    private static JsonObject object(Map<String, ?> fields) {
        JsonObjectBuilder builder = Json.createObjectBuilder();
        fields.forEach((key, value) -> builder.add(key, json(value)));
        return builder.build();
    }

    private static JsonValue json(Object value) {
        return switch (value) {
            case null -> JsonValue.NULL;
            case String s -> Json.createValue(s);
            case Boolean b -> b ? JsonValue.TRUE : JsonValue.FALSE;
            case Long l -> Json.createValue(l);
            case Double d -> Json.createValue(d);
            case Map<?, ?> m -> {
                @SuppressWarnings("unchecked")
                Map<String, ?> map = (Map<String, ?>) m;
                yield object(map);
            }
            case List<?> list -> {
                JsonArrayBuilder builder = Json.createArrayBuilder();
                list.forEach(item -> builder.add(json(item)));
                yield builder.build();
            }
            default -> throw new IllegalArgumentException("unsupported payload value " + value.getClass());
        };
    }

    private static Object value(JsonValue json) {
        return switch (json.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) json).getString();
            case NUMBER -> {
                JsonNumber n = (JsonNumber) json;
                if (n.isIntegral()) {
                    try {
                        yield n.longValueExact();
                    } catch (ArithmeticException tooLarge) {
                        yield n.doubleValue();
                    }
                }
                yield n.doubleValue();
            }
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                ((JsonArray) json).forEach(item -> items.add(value(item)));
                yield items;
            }
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) json).forEach((k, v) -> map.put(k, value(v)));
                yield map;
            }
        };
    }
}
