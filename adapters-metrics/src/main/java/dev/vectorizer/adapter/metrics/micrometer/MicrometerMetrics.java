package dev.vectorizer.adapter.metrics.micrometer;

import dev.vectorizer.adapter.metrics.Series;
import dev.vectorizer.adapter.metrics.TenantSeries;
import dev.vectorizer.application.port.out.MetricsPort;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.hub.HubCall;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.RateWindow;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Vetoed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The application's metrics in a Micrometer {@link MeterRegistry}: the one WildFly's
 * {@code micrometer} subsystem gives a deployment (exported over OTLP, or as Prometheus text by its
 * {@code registry=prometheus}). Same names, labels and units as on MicroProfile Metrics: Micrometer's
 * Prometheus naming adds {@code _total} to counters and {@code _seconds} to timers likewise. Meters
 * are registered with the registry's own methods, not the builders: WildFly 39's deployment registry
 * passes only those on to the exporting registries (what the builders register stays in it, unseen),
 * so the series carry no help text. Not a CDI bean ({@link Vetoed}, so that no container inspects it
 * where Micrometer is missing): {@code MetricsBackends} creates it when the API and a registry are there.
 */
@Vetoed
public final class MicrometerMetrics implements MetricsPort {

    private final MeterRegistry registry;
    private final TenantSeries tenants = new TenantSeries();
    /** What the gauges read, held here: a registry holds a gauge's source weakly and reports NaN once it is collected. */
    private volatile Gauges gauges;
    private volatile HubGauges hub;

    MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The adapter on the server's registry, if it has one. */
    public static Optional<MetricsPort> in(Instance<Object> beans) {
        Instance<MeterRegistry> registry = beans.select(MeterRegistry.class);
        return registry.isResolvable() ? Optional.of(new MicrometerMetrics(registry.get())) : Optional.empty();
    }

    private void count(Series series, long n, String... tags) {
        registry.counter(series.metricName(), Tags.of(tags)).increment(n);
    }

    private void time(Series series, Duration took, String... tags) {
        registry.timer(series.metricName(), Tags.of(tags)).record(took);
    }

    private <T> void gauge(Series series, T source, ToDoubleFunction<T> value, String... tags) {
        registry.gauge(series.metricName(), Tags.of(tags), source, value);
    }

    @Override
    public void requestAnswered(String operation, int status, Duration elapsed) {
        time(Series.REQUESTS, elapsed, "operation", operation, "status", String.valueOf(status));
    }

    @Override
    public void authenticationFailed(String reason) {
        count(Series.AUTH_FAILURES, 1, "reason", reason);
    }

    @Override
    public void quotaChecked(Limit quota, boolean refused) {
        count(Series.QUOTA_CHECKS, 1, "quota", quota.wireName());
        if (refused) {
            count(Series.QUOTA_REFUSALS, 1, "quota", quota.wireName());
        }
    }

    @Override
    public void rateLimited(RateWindow window) {
        count(Series.RATE_LIMIT_REFUSALS, 1, "window", Series.label(window));
    }

    @Override
    public void delivery(Stream stream, boolean delivered, int items) {
        count(Series.DELIVERIES, items, "stream", Series.label(stream), "outcome", Series.delivery(delivered));
    }

    @Override
    public void watch(Gauges gauges) {
        this.gauges = gauges;
        gauge(Series.PENDING, gauges, Gauges::pendingUsageReports, "stream", Series.label(Stream.USAGE_REPORTS));
        gauge(Series.PENDING, gauges, Gauges::pendingOperationLogs, "stream", Series.label(Stream.OPERATION_LOGS));
        gauge(Series.OPEN_COLLECTIONS, gauges, Gauges::openCollections);
        gauge(Series.ACTIVE_TENANTS, gauges, Gauges::activeTenants);
    }

    @Override
    public void watchHub(HubGauges gauges) {
        this.hub = gauges;
        gauge(Series.HUB_UP, gauges, g -> Series.gauge(g.up()));
        gauge(Series.HUB_BREAKER_OPEN, gauges, g -> Series.gauge(g.breakerOpen()));
    }

    @Override
    public void hubCalled(HubCall call, boolean succeeded, Duration took) {
        time(Series.HUB_CALLS, took, "call", Series.label(call), "outcome", Series.hubCall(succeeded));
    }

    @Override
    public synchronized void tenantSeries(List<TenantSample> samples) {
        TenantSeries.Change change = tenants.replace(samples);
        for (TenantId gone : change.dropped()) {
            TenantSeries.FIGURES.forEach(f -> registry.find(f.series().metricName()).tag("tenant", gone.value()).meters()
                    .forEach(registry::remove));
        }
        for (TenantId tenant : change.added()) {
            TenantSeries.FIGURES.forEach(f -> gauge(f.series(), tenants, t -> t.value(tenant, f), "tenant", tenant.value()));
        }
    }
}
