package dev.vectorizer.domain;

import dev.vectorizer.domain.json.MalformedJsonException;
import dev.vectorizer.domain.tenant.AuthenticationException;
import dev.vectorizer.domain.tenant.ForbiddenException;
import dev.vectorizer.domain.tenant.TooManyFailuresException;

/**
 * The machine-readable name of each way a request can fail, the same on every interface: REST's
 * {@code error_type}, GraphQL's {@code extensions.code}, MCP's tool errors. {@link #of} names the
 * outcome of a domain exception, so that every interface reports the same failure the same way;
 * the names that only a transport can produce (a wrong method or media type) are listed here too,
 * so that the vocabulary and each name's HTTP status are written once.
 */
public enum ErrorCode {
    VALIDATION_ERROR(400),
    MALFORMED_JSON(400),
    AUTH_MISSING_KEY(401),
    AUTH_INVALID_KEY(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    AUTH_BLOCKED(429),
    QUOTA_EXCEEDED(429),
    RATE_LIMIT_EXCEEDED(429),
    INTERNAL_ERROR(500),
    HUB_UNAVAILABLE(503),
    UNAVAILABLE(503);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The HTTP status an answer that fails only this way has (every interface speaks HTTP). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The code of a failure; anything the domain does not define is an {@link #INTERNAL_ERROR} (a bug). */
    public static ErrorCode of(Throwable failure) {
        return switch (failure) {
            case MalformedJsonException e -> MALFORMED_JSON;
            case TooLargeException e -> PAYLOAD_TOO_LARGE;
            case InvalidValueException e -> VALIDATION_ERROR;
            case AuthenticationException e -> e.reason() == AuthenticationException.Reason.MISSING ? AUTH_MISSING_KEY : AUTH_INVALID_KEY;
            case ForbiddenException e -> FORBIDDEN;
            case NotFoundException e -> NOT_FOUND;
            case ConflictException e -> CONFLICT;
            case TooManyFailuresException e -> AUTH_BLOCKED;
            case UnavailableException e -> UNAVAILABLE;
            default -> INTERNAL_ERROR;
        };
    }
}
