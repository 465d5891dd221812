package dev.vectorizer.domain;

/** The caller-chosen id of a vector within its collection. */
public record VectorId(String value) {

    public static final int MAX_LENGTH = 256;

    public VectorId {
        InvalidValueException.require(value != null && !value.isEmpty(), "vector id is required");
        InvalidValueException.require(value.length() <= MAX_LENGTH, "vector id is longer than " + MAX_LENGTH + " characters");
        InvalidValueException.require(value.chars().noneMatch(Character::isISOControl), "vector id contains control characters");
    }

    @Override
    public String toString() {
        return value;
    }
}
