package dev.vectorizer.adapter.metrics;

import dev.vectorizer.application.port.out.MetricsPort;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.RateWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The application's metrics in the MicroProfile Metrics application registry, which the server
 * exports as Prometheus text at {@code /metrics} (counters get a {@code _total} suffix, the request
 * timer {@code _seconds}). docs/OPERATIONS.md lists every series. Per-tenant gauges exist only for
 * the tenants of the last {@link #tenantSeries} call: a tenant that drops out loses its series.
 */
@ApplicationScoped
public class MicroProfileMetrics implements MetricsPort {

    /**
     * Declared in nanoseconds, which is what Payara's exporter needs to show its mean and max in
     * seconds like the {@code _seconds} name and the {@code _sum} say; its quantiles it prints in
     * nanoseconds whatever the unit, so the deployment's configuration switches them off
     * ({@code mp.metrics.distribution.percentiles}).
     */
    private static final Metadata REQUESTS = Metadata.builder().withName("vectorizer_requests")
            .withDescription("API answers by operation and HTTP status").withUnit(MetricUnits.NANOSECONDS).build();
    private static final Metadata AUTH_FAILURES = described("vectorizer_auth_failures", "Refused authentications by reason");
    private static final Metadata QUOTA_CHECKS = described("vectorizer_quota_checks", "Writes checked against a capacity quota, by quota");
    private static final Metadata QUOTA_REFUSALS = described("vectorizer_quota_refusals", "Writes refused by a capacity quota, by quota");
    private static final Metadata RATE_LIMIT_REFUSALS = described("vectorizer_rate_limit_refusals", "Requests refused by a rate limit, by window");
    private static final Metadata DELIVERIES = described("vectorizer_outbox_deliveries",
            "Usage reports and operation log entries delivered (sent) or not (failed), by stream");
    private static final Metadata PENDING = described("vectorizer_outbox_pending", "Usage reports and operation log entries waiting for delivery");
    private static final Metadata OPEN_COLLECTIONS = described("vectorizer_open_collections", "Collection indexes open now");
    private static final Metadata ACTIVE_TENANTS = described("vectorizer_active_tenants", "Tenants with a request in the last 5 minutes");
    private static final Metadata[] TENANT_SERIES = {
        described("vectorizer_tenant_vectors", "Vectors a tenant holds (top tenants only)"),
        described("vectorizer_tenant_storage_bytes", "Stored bytes of a tenant's vectors (top tenants only)"),
        described("vectorizer_tenant_requests_today", "A tenant's requests today, UTC (top tenants only)")};

    private final MetricRegistry registry;
    private volatile Map<TenantId, TenantSample> tenants = Map.of();

    @Inject
    public MicroProfileMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** For the CDI client proxy only. */
    protected MicroProfileMetrics() {
        this(null);
    }

    private static Metadata described(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void requestAnswered(String operation, int status, Duration elapsed) {
        registry.timer(REQUESTS, new Tag("operation", operation), new Tag("status", String.valueOf(status))).update(elapsed);
    }

    @Override
    public void authenticationFailed(String reason) {
        registry.counter(AUTH_FAILURES, new Tag("reason", reason)).inc();
    }

    @Override
    public void quotaChecked(Limit quota, boolean refused) {
        Tag tag = new Tag("quota", quota.wireName());
        registry.counter(QUOTA_CHECKS, tag).inc();
        if (refused) {
            registry.counter(QUOTA_REFUSALS, tag).inc();
        }
    }

    @Override
    public void rateLimited(RateWindow window) {
        registry.counter(RATE_LIMIT_REFUSALS, new Tag("window", label(window))).inc();
    }

    @Override
    public void delivery(Stream stream, boolean delivered, int items) {
        registry.counter(DELIVERIES, new Tag("stream", label(stream)), new Tag("outcome", delivered ? "sent" : "failed"))
                .inc(items);
    }

    @Override
    public void watch(Gauges gauges) {
        registry.gauge(PENDING, gauges::pendingUsageReports, new Tag("stream", label(Stream.USAGE_REPORTS)));
        registry.gauge(PENDING, gauges::pendingOperationLogs, new Tag("stream", label(Stream.OPERATION_LOGS)));
        registry.gauge(OPEN_COLLECTIONS, gauges::openCollections);
        registry.gauge(ACTIVE_TENANTS, gauges::activeTenants);
    }

    @Override
    public synchronized void tenantSeries(List<TenantSample> samples) {
        Map<TenantId, TenantSample> next = new HashMap<>();
        samples.forEach(s -> next.put(s.tenant(), s));
        for (TenantId gone : tenants.keySet()) {
            if (!next.containsKey(gone)) {
                for (Metadata series : TENANT_SERIES) {
                    registry.remove(new MetricID(series.getName(), new Tag("tenant", gone.value())));
                }
            }
        }
        Map<TenantId, TenantSample> previous = tenants;
        tenants = Map.copyOf(next);
        for (TenantId tenant : next.keySet()) {
            if (!previous.containsKey(tenant)) {
                tenantGauge(TENANT_SERIES[0], tenant, TenantSample::vectors);
                tenantGauge(TENANT_SERIES[1], tenant, TenantSample::storageBytes);
                tenantGauge(TENANT_SERIES[2], tenant, TenantSample::requestsToday);
            }
        }
    }

    private void tenantGauge(Metadata series, TenantId tenant, ToLongFunction<TenantSample> value) {
        registry.gauge(series, () -> {
            TenantSample sample = tenants.get(tenant);
            return sample == null ? 0L : value.applyAsLong(sample);
        }, new Tag("tenant", tenant.value()));
    }
}
