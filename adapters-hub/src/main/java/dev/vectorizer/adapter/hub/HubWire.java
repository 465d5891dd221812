package dev.vectorizer.adapter.hub;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.hub.HubKey;
import dev.vectorizer.domain.hub.KeyVerdict;
import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.json.JsonFields;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.quota.QuotaCheck;
import dev.vectorizer.domain.quota.QuotaDecision;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.RateLimits;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * HiveHub's JSON (docs/HUB_INTEGRATION.md), read strictly: every documented field must be there
 * with its type (a count may be {@code null}: no limit), or the answer is of the wrong shape and
 * the call failed ({@link IllegalArgumentException} or {@link java.time.DateTimeException}). A
 * permission this server does not know grants nothing.
 */
final class HubWire {

    /** The limits HiveHub's quota answer carries, each under its wire name. */
    private static final List<Limit> QUOTA_LIMITS = List.of(Limit.MAX_COLLECTIONS, Limit.MAX_VECTORS, Limit.MAX_STORAGE_BYTES, Limit.RPM, Limit.RPH,
            Limit.RPD);

    private HubWire() {
    }

    static Map<String, Object> validateRequest(ApiKeySecret key) {
        return Json.object("api_key", key.reveal());
    }

    /**
     * {@code {"valid":true,"tenant_id","tenant_name","api_key_id","permissions","rate_limits":{"rpm","rph","rpd"},"is_test","expires_at"}}
     * ({@code expires_at} {@code null} for no expiry) or {@code {"valid":false,"reason"}}.
     */
    static KeyVerdict verdict(byte[] body) {
        JsonFields answer = JsonFields.body(Json.parse(body));
        if (!bool(answer, "valid")) {
            return new KeyVerdict.Invalid(answer.optionalString("reason").orElse(""));
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String name : answer.strings("permissions")) {
            for (Permission known : Permission.values()) {
                if (known.name().equals(name)) {
                    permissions.add(known);
                }
            }
        }
        JsonFields limits = answer.object("rate_limits");
        requireFields((Map<?, ?>) answer.required("rate_limits"), "rpm", "rph", "rpd");
        return new KeyVerdict.Valid(new HubKey(answer.string("api_key_id"), new TenantId(answer.string("tenant_id")), answer.string("tenant_name"),
                permissions, new RateLimits(rate(limits, "rpm"), rate(limits, "rph"), rate(limits, "rpd")), bool(answer, "is_test"),
                answer.optionalString("expires_at").map(Instant::parse)));
    }

    /**
     * {@code {"max_collections","max_vectors","max_storage_bytes","rpm","rph","rpd"}} as the tenant's plan: a
     * {@code null} limit is one HiveHub does not set (the installation's default applies). A rate
     * must allow at least one request ({@link Quota}); HiveHub says "no limit" with {@code null}.
     */
    static Quota quota(byte[] body) {
        Object tree = Json.parse(body);
        JsonFields answer = JsonFields.body(tree);
        Map<Limit, Long> limits = new EnumMap<>(Limit.class);
        for (Limit limit : QUOTA_LIMITS) {
            requireFields((Map<?, ?>) tree, limit.wireName());
            count(answer, limit.wireName()).ifPresent(value -> limits.put(limit, value));
        }
        return new Quota(limits);
    }

    static Map<String, Object> check(QuotaCheck check) {
        return Json.object("tenant_id", check.tenant().value(), "operation", check.operation().wireName(), "estimated_size", check.estimatedSize());
    }

    /** {@code {"allowed","remaining","limit","reason"}}; a refusal reports HiveHub's figures, its reason is not kept. */
    static QuotaDecision decision(byte[] body) {
        Object tree = Json.parse(body);
        JsonFields answer = JsonFields.body(tree);
        requireFields((Map<?, ?>) tree, "remaining", "limit");
        answer.optionalString("reason"); // read for its type only: a strict reader refuses a reason that is not a string
        return new QuotaDecision(bool(answer, "allowed"), count(answer, "limit"), count(answer, "remaining"));
    }

    private static boolean bool(JsonFields object, String field) {
        Object value = object.required(field);
        InvalidValueException.require(value instanceof Boolean, "'" + object.path(field) + "' must be true or false");
        return (Boolean) value;
    }

    /** A count that must be present as a field: a whole number of at least 0, or {@code null} for none. */
    private static OptionalLong count(JsonFields object, String field) {
        Optional<Object> value = object.value(field);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        InvalidValueException.require(value.get() instanceof Long n && n >= 0, "'" + object.path(field) + "' must be a count");
        return OptionalLong.of((Long) value.get());
    }

    /** A request rate: a count of at least 1 (a rate must allow a request; HiveHub says "no limit" with {@code null}). */
    private static OptionalLong rate(JsonFields object, String field) {
        OptionalLong rate = count(object, field);
        InvalidValueException.require(rate.orElse(1) >= 1, "'" + object.path(field) + "' must be at least 1 or null");
        return rate;
    }

    /** Fields a count may be {@code null} in must still be there: an answer without them is of another shape, not "no limit". */
    private static void requireFields(Map<?, ?> object, String... fields) {
        for (String field : fields) {
            InvalidValueException.require(object.containsKey(field), "'" + field + "' is missing");
        }
    }
}
