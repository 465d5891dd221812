package dev.vectorizer.domain.search;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.Payload;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** How conditions see a payload field: an array field stands for each of its elements. */
final class FieldValues {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private FieldValues() {
    }

    static String requireKey(String key) {
        InvalidValueException.require(key != null && KEY.matcher(key).matches(),
                "filter key must be a dotted path of letters, digits, '_' and '-'");
        return key;
    }

    static Stream<Object> of(Payload payload, String key) {
        return payload.get(key).stream().flatMap(v -> v instanceof List<?> list ? list.stream().map(Object.class::cast) : Stream.of(v));
    }
}
