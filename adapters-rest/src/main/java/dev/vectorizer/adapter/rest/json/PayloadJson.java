package dev.vectorizer.adapter.rest.json;

import dev.vectorizer.adapter.rest.problem.ErrorType;
import dev.vectorizer.adapter.rest.problem.ProblemException;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.Payload;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between JSON objects on the wire and the domain's {@link Payload}. */
public final class PayloadJson {

    public static final int MAX_BYTES = 64 * 1024;

    private PayloadJson() {
    }

    /** The payload of a request; a payload over 64 KiB (as JSON) is refused with 413. */
    public static Payload fromJson(JsonValue value, String name) {
        InvalidValueException.require(value instanceof JsonObject, "'" + name + "' must be a JSON object");
        if (value.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ProblemException(ErrorType.PAYLOAD_TOO_LARGE, "'" + name + "' is larger than " + MAX_BYTES + " bytes");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) toJava(value);
        return new Payload(fields);
    }

    public static JsonObject toJson(Payload payload) {
        return (JsonObject) toJson((Object) payload.fields());
    }

    private static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((k, v) -> map.put(k, toJava(v)));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                value.asJsonArray().forEach(v -> list.add(toJava(v)));
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> {
                JsonNumber n = (JsonNumber) value;
                yield n.isIntegral() && n.bigIntegerValue().bitLength() < 64 ? (Object) n.longValue() : (Object) n.doubleValue();
            }
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }

    private static JsonValue toJson(Object value) {
        return switch (value) {
            case null -> JsonValue.NULL;
            case String s -> Json.createValue(s);
            case Boolean b -> b ? JsonValue.TRUE : JsonValue.FALSE;
            case Long l -> Json.createValue(l);
            case Double d -> Json.createValue(d);
            case Map<?, ?> map -> {
                JsonObjectBuilder object = Json.createObjectBuilder();
                map.forEach((k, v) -> object.add((String) k, toJson(v)));
                yield object.build();
            }
            case List<?> list -> {
                JsonArrayBuilder array = Json.createArrayBuilder();
                list.forEach(v -> array.add(toJson(v)));
                yield array.build();
            }
            default -> throw new IllegalStateException("not a payload value: " + value.getClass());
        };
    }
}
