package dev.vectorizer.domain.backup;

import dev.vectorizer.domain.InvalidValueException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identity of a backup: a random UUID in lower-case text, safe as a file name by construction. */
public record BackupId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public BackupId {
        InvalidValueException.require(isValid(value), "backup id must be a UUID in lower case");
    }

    /** True if {@code value} is a well-formed backup id. */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    public static BackupId random() {
        return new BackupId(UUID.randomUUID().toString());
    }

    /**
     * The id a request names; an id that cannot exist is reported like one that does not, so a
     * malformed id and another tenant's id read the same.
     */
    public static BackupId named(String value) {
        if (!isValid(value)) {
            throw BackupNotFound.of(value);
        }
        return new BackupId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
