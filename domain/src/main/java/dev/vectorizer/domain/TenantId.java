package dev.vectorizer.domain;

import java.util.regex.Pattern;

/** Identity of a tenant: the owner of collections, vectors, keys and backups. */
public record TenantId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** The implicit tenant of {@code single} mode. */
    public static final TenantId DEFAULT = new TenantId("default");

    public TenantId {
        InvalidValueException.require(value != null && FORMAT.matcher(value).matches(),
                "tenant id must match " + FORMAT.pattern());
    }

    /** True if {@code value} is a well-formed tenant id. */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
