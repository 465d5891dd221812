package dev.vectorizer.domain;

import java.util.regex.Pattern;

/** The tenant-local name of a collection. Safe as a path segment by construction. */
public record CollectionName(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,127}");

    public CollectionName {
        InvalidValueException.require(value != null && FORMAT.matcher(value).matches(),
                "collection name must match ^" + FORMAT.pattern() + "$");
    }

    @Override
    public String toString() {
        return value;
    }
}
