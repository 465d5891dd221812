package dev.vectorizer.domain.tenant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secret text of an API key: {@code hh_live_} or {@code hh_test_} followed by 40 random
 * letters and digits, the first 12 of which are the key's public {@link ApiKeyId}. Only its SHA-256
 * hash is ever stored (the key has ~238 bits of entropy, so a fast hash is safe); the text is shown
 * once, at creation.
 */
public final class ApiKeySecret {

    static final int RANDOM_LENGTH = 40;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern FORMAT = Pattern.compile("hh_(live|test)_([A-Za-z0-9]{" + RANDOM_LENGTH + "})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String text;
    private final ApiKeyId id;
    private final boolean test;

    private ApiKeySecret(String text, ApiKeyId id, boolean test) {
        this.text = text;
        this.id = id;
        this.test = test;
    }

    /** A new random key. */
    public static ApiKeySecret generate(boolean test) {
        StringBuilder random = new StringBuilder(RANDOM_LENGTH);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            random.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        String text = (test ? "hh_test_" : "hh_live_") + random;
        return new ApiKeySecret(text, new ApiKeyId(random.substring(0, ApiKeyId.LENGTH)), test);
    }

    /** The key a caller presented, if it has the format of one. */
    public static Optional<ApiKeySecret> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(presented);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeySecret(presented, new ApiKeyId(m.group(2).substring(0, ApiKeyId.LENGTH)), m.group(1).equals("test")));
    }

    public ApiKeyId id() {
        return id;
    }

    public boolean isTest() {
        return test;
    }

    /** The text to hand to the key's owner, once. */
    public String reveal() {
        return text;
    }

    /** The hash that is stored instead of the key. */
    public String hash() {
        return Sha256.hex(text);
    }

    /** True if this key hashes to {@code storedHash}; the comparison takes the same time wherever they differ. */
    public boolean matches(String storedHash) {
        return MessageDigest.isEqual(hash().getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "ApiKeySecret[" + id + ", redacted]";
    }
}
