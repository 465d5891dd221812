package dev.vectorizer.domain.json;

import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.TooLargeException;
import dev.vectorizer.domain.UnavailableException;
import dev.vectorizer.domain.hub.HubUnavailableException;
import dev.vectorizer.domain.quota.QuotaExceededException;
import dev.vectorizer.domain.quota.RateLimitExceededException;
import dev.vectorizer.domain.tenant.AuthenticationException;
import dev.vectorizer.domain.tenant.ForbiddenException;
import dev.vectorizer.domain.tenant.TooManyFailuresException;
import java.util.Locale;
import java.util.Map;

/**
 * The machine-readable {@code error_type} of a refusal, with its HTTP status and title: the names
 * every interface answers with (REST's problem documents, MCP's tool errors, GraphQL's error
 * codes), and which domain exception stands for which ({@link #of}).
 */
public enum ErrorType {
    VALIDATION_ERROR(400, "Invalid request"),
    MALFORMED_JSON(400, "Malformed JSON"),
    AUTH_MISSING_KEY(401, "Authentication required"),
    AUTH_INVALID_KEY(401, "Invalid credentials"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    RANGE_NOT_SATISFIABLE(416, "Range not satisfiable"),
    AUTH_BLOCKED(429, "Too many failed authentications"),
    QUOTA_EXCEEDED(429, "Quota exceeded"),
    RATE_LIMIT_EXCEEDED(429, "Rate limit exceeded"),
    INTERNAL_ERROR(500, "Internal error"),
    HUB_UNAVAILABLE(503, "HiveHub unavailable"),
    UNAVAILABLE(503, "Service unavailable");

    private final int status;
    private final String title;

    ErrorType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** A stable URI naming this kind of problem (RFC 9457 {@code type}). */
    public String typeUri() {
        return "urn:vectorizer:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The error type of a domain exception; anything else is a bug ({@link #INTERNAL_ERROR}), whose
     * message must not reach the caller.
     */
    public static ErrorType of(Throwable exception) {
        return switch (exception) {
            case MalformedJsonException e -> MALFORMED_JSON;
            case TooLargeException e -> PAYLOAD_TOO_LARGE;
            case InvalidValueException e -> VALIDATION_ERROR;
            case NotFoundException e -> NOT_FOUND;
            case ConflictException e -> CONFLICT;
            case HubUnavailableException e -> HUB_UNAVAILABLE;
            case UnavailableException e -> UNAVAILABLE;
            case AuthenticationException e -> e.reason() == AuthenticationException.Reason.MISSING ? AUTH_MISSING_KEY : AUTH_INVALID_KEY;
            case ForbiddenException e -> FORBIDDEN;
            case TooManyFailuresException e -> AUTH_BLOCKED;
            case QuotaExceededException e -> QUOTA_EXCEEDED;
            case RateLimitExceededException e -> RATE_LIMIT_EXCEEDED;
            default -> INTERNAL_ERROR;
        };
    }

    /**
     * The RFC 9457 problem document of this type ({@code type}, {@code title}, {@code status},
     * {@code detail}, {@code error_type}), as REST answers it.
     */
    public Map<String, Object> problem(String detail) {
        return problem(detail, status);
    }

    /** The problem document of this type answered with another {@code status} (a 414 is a validation error, for one). */
    public Map<String, Object> problem(String detail, int status) {
        return Json.object("type", typeUri(), "title", title, "status", status, "detail", detail, "error_type", name());
    }

    /** The error type a generic HTTP status maps to when nothing more specific is known. */
    public static ErrorType forStatus(int status) {
        return switch (status) {
            case 401 -> AUTH_MISSING_KEY;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 416 -> RANGE_NOT_SATISFIABLE;
            case 429 -> RATE_LIMIT_EXCEEDED;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : VALIDATION_ERROR;
        };
    }
}
