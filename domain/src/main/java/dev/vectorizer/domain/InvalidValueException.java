package dev.vectorizer.domain;

/**
 * Thrown when a domain value would be invalid. Domain types validate in their constructors, so a
 * value that exists is a valid value; inbound adapters translate this into a 4xx answer (a 400,
 * or what a subclass such as {@link TooLargeException} stands for).
 */
public class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message);
    }

    /** Fails with {@code message} unless {@code condition} holds. */
    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidValueException(message);
        }
    }
}
