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
 * so that the vocabulary is written once.
 */
public enum ErrorCode {
    VALIDATION_ERROR,
    MALFORMED_JSON,
    AUTH_MISSING_KEY,
    AUTH_INVALID_KEY,
    FORBIDDEN,
    NOT_FOUND,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    CONFLICT,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    AUTH_BLOCKED,
    QUOTA_EXCEEDED,
    RATE_LIMIT_EXCEEDED,
    INTERNAL_ERROR,
    HUB_UNAVAILABLE,
    UNAVAILABLE;

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
