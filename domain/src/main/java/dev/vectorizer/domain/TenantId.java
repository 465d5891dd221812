package dev.vectorizer.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Identity of a tenant: the owner of collections, vectors, keys and backups. */
public record TenantId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** The implicit tenant of {@code single} mode. */
    public static final TenantId DEFAULT = new TenantId("default");

    /**
     * Ids with a meaning of their own, never given to a tenant that is created: {@code default} holds
     * single mode's data (and gives it away on adoption); {@code admin} and {@code system} are kept
     * for the installation itself. Compared ignoring case, since on a case-insensitive file system
     * {@code Default}'s directory would be {@code default}'s.
     */
    private static final Set<String> RESERVED = Set.of(DEFAULT.value, "admin", "system");

    public TenantId {
        InvalidValueException.require(value != null && FORMAT.matcher(value).matches(),
                "tenant id must match " + FORMAT.pattern());
    }

    /** True if {@code value} is a well-formed tenant id. */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** True if no created tenant may have this id. */
    public boolean isReserved() {
        return RESERVED.contains(value.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
