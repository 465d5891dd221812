package dev.vectorizer.domain.json;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.LimitUse;
import dev.vectorizer.domain.quota.Quota;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Quotas in JSON. A plan: {@code {"max_collections","max_vectors","max_storage_bytes","max_backups",
 * "rpm","rph","rpd"}}, each an integer, absent or {@code null} for the installation's default; an
 * unknown field is refused (a misspelt limit must not pass for "no limit"). A tenant's standing:
 * {@code {"tenant_id","quotas":{"max_vectors":{"limit","used","remaining"},..}}} with {@code null}
 * limit and remaining when unlimited.
 */
public final class QuotaJson {

    private QuotaJson() {
    }

    /** The {@code "quota"} member of a request, if present. */
    public static Optional<Quota> optional(JsonFields request) {
        return request.optionalObject("quota").map(QuotaJson::read);
    }

    public static Quota read(JsonFields quota) {
        Map<Limit, Long> limits = new EnumMap<>(Limit.class);
        for (String field : quota.fields()) {
            Limit limit = Limit.parse(field);
            quota.optionalLong(field).ifPresent(value -> limits.put(limit, value));
        }
        return new Quota(limits);
    }

    /** The limits a plan sets, in a fixed order. */
    public static Map<String, Object> write(Quota quota) {
        Map<String, Object> json = new LinkedHashMap<>();
        quota.limits().forEach((limit, value) -> json.put(limit.wireName(), value));
        return json;
    }

    public static Map<String, Object> standing(TenantId tenant, List<LimitUse> uses) {
        Map<String, Object> quotas = new LinkedHashMap<>();
        for (LimitUse use : uses) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("limit", use.max().isPresent() ? use.max().getAsLong() : null);
            entry.put("used", use.used());
            entry.put("remaining", use.remaining().isPresent() ? use.remaining().getAsLong() : null);
            quotas.put(use.limit().wireName(), entry);
        }
        return Json.object("tenant_id", tenant.value(), "quotas", quotas);
    }
}
