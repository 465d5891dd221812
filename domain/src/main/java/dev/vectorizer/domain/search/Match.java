package dev.vectorizer.domain.search;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.Payload;

/** Exact match of a keyword, boolean or number field ({@code {"key":"color","match":"red"}}). */
public record Match(String key, Object value) implements Condition {

    public Match {
        FieldValues.requireKey(key);
        InvalidValueException.require(value instanceof String || value instanceof Boolean || value instanceof Number,
                "match value for '" + key + "' must be a string, boolean or number");
        if (value instanceof Number n && !(value instanceof Long)) {
            value = value instanceof Integer i ? (Object) i.longValue() : (Object) n.doubleValue();
        }
    }

    @Override
    public boolean matches(Payload payload) {
        return FieldValues.of(payload, key).anyMatch(this::equalsValue);
    }

    private boolean equalsValue(Object candidate) {
        if (value instanceof Number expected && candidate instanceof Number actual) {
            return expected.doubleValue() == actual.doubleValue();
        }
        return value.equals(candidate);
    }
}
