package dev.vectorizer.domain.hub;

import dev.vectorizer.domain.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret this installation shares with HiveHub (the service secret HiveHub presents, the key it
 * signs with). At least {@value #MIN_LENGTH} characters; never printed ({@link #toString} is
 * redacted) and compared only in constant time.
 */
public final class SharedSecret {

    public static final int MIN_LENGTH = 32;

    private final byte[] bytes;

    public SharedSecret(String value) {
        InvalidValueException.require(value != null && value.strip().length() >= MIN_LENGTH,
                "a shared secret must be at least " + MIN_LENGTH + " characters");
        this.bytes = value.strip().getBytes(StandardCharsets.UTF_8);
    }

    /** True if {@code presented} is this secret; takes the same time wherever they differ. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(bytes, presented.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** True if both are the same secret (which two secrets with different jobs must not be). */
    public boolean sameAs(SharedSecret other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    /** The secret's bytes, for keying a MAC (a copy). */
    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "SharedSecret[redacted]";
    }
}
