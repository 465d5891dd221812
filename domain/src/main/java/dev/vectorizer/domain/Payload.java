package dev.vectorizer.domain;

import dev.vectorizer.domain.json.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON object stored with a vector. Values are JSON values in Java form: {@code String},
 * {@code Boolean}, {@code Long} (integers), {@code Double} (other numbers), {@code null},
 * {@code List} and {@code Map<String, ?>} — the tree of {@link Json}; the whole tree is immutable.
 * Keys are non-empty, strings are valid Unicode (no unpaired surrogates), numbers finite, and the
 * payload written as JSON ({@link Json#write}) is at most {@value #MAX_BYTES} bytes.
 */
public record Payload(Map<String, Object> fields) {

    /** The largest payload: 64 KiB of UTF-8 JSON. */
    public static final int MAX_BYTES = 64 * 1024;

    public static final Payload EMPTY = new Payload(Map.of());

    public Payload {
        InvalidValueException.require(fields != null, "payload must be an object");
        fields = copyObject(fields);
        long bytes = Json.utf8Length(fields);
        if (bytes > MAX_BYTES) {
            throw new TooLargeException("payload is " + bytes + " bytes as JSON, more than " + MAX_BYTES);
        }
    }

    /** The value at a dotted path ({@code "address.city"}), if every step exists. */
    public Optional<Object> get(String path) {
        Object current = fields;
        for (String step : path.split("\\.", -1)) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(step)) {
                return Optional.empty();
            }
            current = map.get(step);
        }
        return Optional.ofNullable(current);
    }

    /** This payload with {@code key} set to {@code value} (replacing any previous value). */
    public Payload with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(fields);
        copy.put(key, value);
        return new Payload(copy);
    }

    private static Map<String, Object> copyObject(Map<?, ?> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((key, value) -> {
            InvalidValueException.require(key instanceof String s && !s.isEmpty(), "payload keys must be non-empty strings");
            copy.put(unicode((String) key), copyValue(value));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyValue(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> unicode(s);
            case Boolean b -> b;
            case Long l -> l;
            case Integer i -> i.longValue();
            case Double d -> finite(d);
            case Float f -> finite(f.doubleValue());
            case Map<?, ?> m -> copyObject(m);
            case List<?> l -> {
                List<Object> items = new ArrayList<>(l.size());
                l.forEach(item -> items.add(copyValue(item)));
                yield Collections.unmodifiableList(items);
            }
            default -> throw new InvalidValueException("unsupported payload value of type " + value.getClass().getSimpleName());
        };
    }

    private static Double finite(double d) {
        InvalidValueException.require(Double.isFinite(d), "payload numbers must be finite");
        return d;
    }

    /** UTF-8 (the payload's stored form) cannot carry an unpaired surrogate. */
    private static String unicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else {
                InvalidValueException.require(!Character.isSurrogate(c), "payload strings must not contain unpaired surrogates");
            }
        }
        return s;
    }
}
