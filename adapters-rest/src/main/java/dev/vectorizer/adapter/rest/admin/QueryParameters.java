package dev.vectorizer.adapter.rest.admin;

import dev.vectorizer.domain.InvalidValueException;
import java.util.OptionalInt;

/** Query parameters read as text, so that a malformed one is a 400 problem (JAX-RS would answer 404). */
final class QueryParameters {

    private QueryParameters() {
    }

    /** The integer {@code text} of the parameter {@code name}, empty if absent. */
    static OptionalInt integer(String name, String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidValueException(name + " must be an integer");
        }
    }
}
