package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.InvalidValueException;
import java.util.regex.Pattern;

/**
 * The public lookup id of an API key: the first characters of its random part, so a presented
 * key is found by id and then verified against the stored hash.
 */
public record ApiKeyId(String value) {

    static final int LENGTH = 12;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9]{" + LENGTH + "}");

    public ApiKeyId {
        InvalidValueException.require(value != null && FORMAT.matcher(value).matches(), "api key id must be " + LENGTH + " letters or digits");
    }

    @Override
    public String toString() {
        return value;
    }
}
