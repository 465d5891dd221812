package dev.vectorizer.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parsing of enum constants from their lower-case wire names. */
public final class Names {

    private Names() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
        InvalidValueException.require(name != null, what + " is required");
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(name.strip())) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        throw new InvalidValueException("unknown " + what + " '" + name + "' (expected one of " + allowed + ")");
    }
}
