package dev.vectorizer.domain.json;

import dev.vectorizer.domain.hub.HubKey;
import dev.vectorizer.domain.hub.HubStatus;
import dev.vectorizer.domain.tenant.Permission;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HiveHub's side of the API. A key's validity here ({@code POST /api/hub/validate-key} answers
 * {@code {"valid":true,"tenant_id","tenant_name","api_key_id","permissions","is_test","expires_at"}}
 * or {@code {"valid":false}}, never the key), and the hub status of the readiness data.
 */
public final class HubJson {

    private HubJson() {
    }

    /** The key of a validate-key request: {@code {"api_key":"hh_live_..."}}. */
    public static String apiKey(JsonFields request) {
        return request.string("api_key");
    }

    public static Map<String, Object> validity(Optional<HubKey> valid) {
        if (valid.isEmpty()) {
            return Json.object("valid", false);
        }
        HubKey key = valid.get();
        Map<String, Object> json = Json.object("valid", true, "tenant_id", key.tenant().value(), "tenant_name", key.tenantName(),
                "api_key_id", key.keyId(), "permissions", key.permissions().stream().map(Permission::name).sorted().toList(),
                "is_test", key.test());
        json.put("expires_at", key.expiresAt().map(Instant::toString).orElse(null));
        return json;
    }

    /** {@code {"status":"up|degraded|down","breaker":"closed|open|half_open","last_success","last_failure","cached_keys"}}. */
    public static Map<String, Object> status(HubStatus status) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status.connectivity().name().toLowerCase(Locale.ROOT));
        json.put("breaker", status.breaker().name().toLowerCase(Locale.ROOT));
        json.put("last_success", status.lastSuccess().map(Instant::toString).orElse(null));
        json.put("last_failure", status.lastFailure().map(Instant::toString).orElse(null));
        json.put("cached_keys", status.cachedKeys());
        return json;
    }
}
