package dev.vectorizer.domain.json;

import dev.vectorizer.domain.RetryLater;
import dev.vectorizer.domain.quota.RateLimitExceededException;
import dev.vectorizer.domain.quota.RateLimitStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP headers that tell a caller where it stands against its limits, whichever interface
 * answers (REST, GraphQL, MCP): the one place their names and values are made, so every interface
 * says the same.
 */
public final class LimitHeaders {

    public static final String RETRY_AFTER = "Retry-After";

    private LimitHeaders() {
    }

    /**
     * On every answer to an admitted request whose caller has a rate limit, errors included:
     * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds; the
     * IETF httpapi draft's names) of the window closest to exhaustion.
     */
    public static Map<String, String> standing(RateLimitStatus status) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Limit", String.valueOf(status.limit()));
        headers.put("RateLimit-Remaining", String.valueOf(status.remaining()));
        headers.put("RateLimit-Reset", String.valueOf(status.resetSeconds()));
        return headers;
    }

    /**
     * On a refusal: {@code Retry-After} (whole seconds) when it says when trying again may succeed
     * ({@link RetryLater}), and for a request over a rate limit the exhausted window's
     * {@link #standing}; none for any other refusal.
     */
    public static Map<String, String> refusal(Throwable refusal) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (refusal instanceof RetryLater later) {
            headers.put(RETRY_AFTER, String.valueOf(later.retryAfterSeconds()));
        }
        if (refusal instanceof RateLimitExceededException over) {
            headers.putAll(standing(over.status()));
        }
        return headers;
    }
}
