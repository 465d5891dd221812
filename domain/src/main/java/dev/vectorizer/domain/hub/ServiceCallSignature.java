package dev.vectorizer.domain.hub;

import dev.vectorizer.domain.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What HiveHub signs in a service call, and the signature: lower-case hex of
 * HMAC-SHA256(signing secret, {@code METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY_SHA256}), where PATH is
 * the raw request path with its query string exactly as sent, TIMESTAMP the unix seconds of
 * {@code x-hivehub-timestamp}, NONCE {@code x-hivehub-nonce} and BODY_SHA256 the lower-case hex
 * SHA-256 of the exact body bytes (of nothing for an empty body).
 *
 * @param method the HTTP method, as sent (upper case)
 * @param pathAndQuery the raw path, plus {@code ?} and the raw query string if there is one
 */
public record ServiceCallSignature(String method, String pathAndQuery, String timestamp, String nonce, String bodySha256) {

    private static final String ALGORITHM = "HmacSHA256";

    public ServiceCallSignature {
        InvalidValueException.require(method != null && pathAndQuery != null && timestamp != null && nonce != null && bodySha256 != null,
                "every signed part is required");
    }

    /** The text that is signed. */
    public String canonical() {
        return method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + bodySha256;
    }

    /** The signature of this call with {@code key}, in lower-case hex. */
    public String sign(SharedSecret key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.bytes(), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(canonical().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** True if {@code presented} (hex, any letter case) is this call's signature with {@code key}; compared in constant time. */
    public boolean isSignedBy(SharedSecret key, String presented) {
        return presented != null && MessageDigest.isEqual(sign(key).getBytes(StandardCharsets.US_ASCII),
                presented.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
