package dev.vectorizer.domain.json;

import dev.vectorizer.domain.RetryLater;
import dev.vectorizer.domain.quota.QuotaExceededException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a refusal says beyond its {@code error_type} and message, the same on every interface: a
 * write over a quota names the quota (a plan limit's name, e.g. {@code max_vectors}), its
 * {@code limit}, what is {@code used} (held plus writes in progress) and what the write
 * {@code requested}; a refusal that says when to retry gives {@code retry_after} (whole seconds,
 * what {@code Retry-After} says). REST's problem documents carry the figures (and the wait in the
 * header only), GraphQL's errors both in their {@code extensions}, MCP's tool errors both in their
 * problem document.
 */
public final class RefusalJson {

    /** The member that says when a retry may succeed, in whole seconds. */
    public static final String RETRY_AFTER = "retry_after";

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
}
