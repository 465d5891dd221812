package dev.vectorizer.domain.json;

import dev.vectorizer.domain.RetryLater;
import dev.vectorizer.domain.quota.QuotaExceededException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a refusal says, the same on every interface: its {@link ErrorType}'s problem document with a
 * {@link #detail} (the domain's message, or for a bug only an incident id), the headers of an HTTP
 * answer ({@link #headers}), and its members: a write over a quota names the quota (a plan limit's
 * name, e.g. {@code max_vectors}), its {@code limit}, what is {@code used} (held plus writes in
 * progress) and what the write {@code requested}; a refusal that says when to retry gives
 * {@code retry_after} (whole seconds, what {@code Retry-After} says). REST's problem documents carry
 * the figures (and the wait in the header only), GraphQL's errors both in their {@code extensions},
 * MCP's tool errors both in their problem document.
 */
public final class RefusalJson {

    /** The member that says when a retry may succeed, in whole seconds. */
    public static final String RETRY_AFTER = "retry_after";
    /** The media type of a problem document (RFC 9457). */
    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    private RefusalJson() {
    }

    /** The figures of a quota refusal: {@code {"quota","limit","used","requested"}}. */
    public static Map<String, Object> quota(QuotaExceededException refused) {
        return Json.object("quota", refused.quota().wireName(), "limit", refused.limit(), "used", refused.used(),
                "requested", refused.requested());
    }

    /** Every member {@code refusal} adds: its quota figures, its {@code retry_after}; empty for others. */
    public static Map<String, Object> members(Throwable refusal) {
        Map<String, Object> members = new LinkedHashMap<>();
        if (refusal instanceof QuotaExceededException overQuota) {
            members.putAll(quota(overQuota));
        }
        if (refusal instanceof RetryLater later) {
            members.put(RETRY_AFTER, later.retryAfterSeconds());
        }
        return members;
    }

    /**
     * The problem document of {@code refusal} as REST answers it: its {@link ErrorType#of type}'s
     * {@link ErrorType#problem problem} with {@code detail}, and a quota's figures.
     */
    public static Map<String, Object> problem(Throwable refusal, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>(ErrorType.of(refusal).problem(detail));
        if (refusal instanceof QuotaExceededException overQuota) {
            problem.putAll(quota(overQuota));
        }
        return problem;
    }

    /**
     * The headers of an HTTP answer to {@code refusal}: a 401 challenges for a bearer credential
     * ({@code WWW-Authenticate}), and the {@link LimitHeaders#refusal limit headers} it calls for.
     */
    public static Map<String, String> headers(Throwable refusal) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (ErrorType.of(refusal).status() == 401) {
            headers.put("WWW-Authenticate", "Bearer");
        }
        headers.putAll(LimitHeaders.refusal(refusal));
        return headers;
    }

    /**
     * What a caller is told of {@code refusal}: the domain's message, or for a bug (an
     * {@link ErrorType#INTERNAL_ERROR}) only an {@link #incident}.
     */
    public static String detail(Throwable refusal, Logger log, String failed) {
        return ErrorType.of(refusal) == ErrorType.INTERNAL_ERROR ? incident(refusal, log, failed) : refusal.getMessage();
    }

    /**
     * Logs {@code failure} (a bug, in what {@code failed}) to {@code log} under a new incident id,
     * and gives the text a caller gets instead: the id, never the failure's message or stack.
     */
    public static String incident(Throwable failure, Logger log, String failed) {
        String incident = UUID.randomUUID().toString();
        log.log(Level.SEVERE, "Unexpected error in " + failed + ", incident " + incident, failure);
        return "Unexpected error; incident " + incident + " is in the server log.";
    }
}
