package dev.vectorizer.domain.tenant;

/**
 * No usable credential. The message never says which part was wrong (unknown key, bad hash,
 * revoked, expired, suspended tenant all read the same to the caller).
 */
public final class AuthenticationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason { MISSING, INVALID }

    private final Reason reason;

    public AuthenticationException(Reason reason) {
        super(reason == Reason.MISSING ? "credentials are required" : "invalid credentials");
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
