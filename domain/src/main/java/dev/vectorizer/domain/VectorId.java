package dev.vectorizer.domain;

/** The caller-chosen id of a vector within its collection. */
public record VectorId(String value) {

    public static final int MAX_LENGTH = 256;

    public VectorId {
        InvalidValueException.require(value != null && !value.isEmpty(), "vector id is required");
        InvalidValueException.require(value.length() <= MAX_LENGTH, "vector id is longer than " + MAX_LENGTH + " characters");
        InvalidValueException.require(!hasControlCharacter(value), "vector id contains control characters");
    }

    /** A loop, not a stream: every id of every search hit passes here. */
    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return value;
    }
}
