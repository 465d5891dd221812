package dev.vectorizer.domain.json;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.TooLargeException;
import java.util.Map;

/** A {@link Payload} in JSON: any JSON object, within the payload's limits; and its stored form. */
public final class PayloadJson {

    private PayloadJson() {
    }

    /** The payload at {@code name}, which must be an object. */
    @SuppressWarnings("unchecked") // Payload checks every key and value
    public static Payload read(Object value, String name) {
        InvalidValueException.require(value instanceof Map<?, ?>, "'" + name + "' must be a JSON object");
        try {
            return new Payload((Map<String, Object>) value);
        } catch (TooLargeException e) {
            throw new TooLargeException("'" + name + "': " + e.getMessage());
        }
    }

    /** The optional {@code payload} field of a request; empty if absent. */
    public static Payload optional(JsonFields request) {
        return request.value("payload").map(p -> read(p, request.path("payload"))).orElse(Payload.EMPTY);
    }

    /** The payload as the tree an answer shows. */
    public static Map<String, Object> write(Payload payload) {
        return payload.fields();
    }

    /** The payload as UTF-8 JSON, the form stores keep. */
    public static byte[] toBytes(Payload payload) {
        return Json.writeUtf8(payload.fields());
    }

    /** A payload kept by {@link #toBytes}. */
    public static Payload fromBytes(byte[] utf8) {
        return read(Json.parse(utf8), "payload");
    }
}
