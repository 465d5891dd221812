package dev.vectorizer.adapter.metrics;

import java.util.Locale;

/**
 * Every series the metrics adapters export, with the name both give it (Prometheus adds
 * {@code _total} to a counter and {@code _seconds} to a timer), its help text and how labels are
 * spelled, so that the MicroProfile Metrics and the Micrometer adapter export the same series
 * (docs/OPERATIONS.md lists them; the alert rules and the dashboard in deploy/monitoring use them).
 */
public enum Series {
    REQUESTS("vectorizer_requests", "API answers by operation and HTTP status"),
    AUTH_FAILURES("vectorizer_auth_failures", "Refused authentications by reason"),
    QUOTA_CHECKS("vectorizer_quota_checks", "Writes checked against a capacity quota, by quota"),
    QUOTA_REFUSALS("vectorizer_quota_refusals", "Writes refused by a capacity quota, by quota"),
    RATE_LIMIT_REFUSALS("vectorizer_rate_limit_refusals", "Requests refused by a rate limit, by window"),
    DELIVERIES("vectorizer_outbox_deliveries", "Usage reports and operation log entries delivered (sent) or not (failed), by stream"),
    PENDING("vectorizer_outbox_pending", "Usage reports and operation log entries waiting for delivery"),
    OPEN_COLLECTIONS("vectorizer_open_collections", "Collection indexes open now"),
    ACTIVE_TENANTS("vectorizer_active_tenants", "Tenants with a request in the last 5 minutes"),
    TENANT_VECTORS("vectorizer_tenant_vectors", "Vectors a tenant holds (top tenants only)"),
    TENANT_STORAGE_BYTES("vectorizer_tenant_storage_bytes", "Stored bytes of a tenant's vectors (top tenants only)"),
    TENANT_REQUESTS_TODAY("vectorizer_tenant_requests_today", "A tenant's requests today, UTC (top tenants only)"),
    HUB_UP("vectorizer_hub_up", "1 while HiveHub answers, 0 while its latest call failed or the breaker is open (hub mode)"),
    HUB_BREAKER_OPEN("vectorizer_hub_breaker_open", "1 while the circuit breaker in front of HiveHub is open or half open (hub mode)"),
    HUB_CALLS("vectorizer_hub_calls", "Calls to HiveHub by call and outcome, retries included (hub mode)");

    private final String metricName;
    private final String description;

    Series(String metricName, String description) {
        this.metricName = metricName;
        this.description = description;
    }

    public String metricName() {
        return metricName;
    }

    public String description() {
        return description;
    }

    /** A label value from an enum constant: {@code USAGE_REPORTS} is {@code usage_reports}. */
    public static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The {@code outcome} label of a delivery from the outbox. */
    public static String delivery(boolean delivered) {
        return delivered ? "sent" : "failed";
    }

    /** The {@code outcome} label of a call to HiveHub. */
    public static String hubCall(boolean succeeded) {
        return succeeded ? "success" : "failure";
    }

    /** A gauge's value for a condition. */
    public static long gauge(boolean condition) {
        return condition ? 1 : 0;
    }
}
