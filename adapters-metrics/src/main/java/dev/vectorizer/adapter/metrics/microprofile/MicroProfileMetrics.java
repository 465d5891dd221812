package dev.vectorizer.adapter.metrics.microprofile;

import dev.vectorizer.adapter.metrics.Series;
import dev.vectorizer.adapter.metrics.TenantSeries;
import dev.vectorizer.application.port.out.MetricsPort;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.hub.HubCall;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.RateWindow;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Vetoed;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The application's metrics in the MicroProfile Metrics application registry, which Payara
 * exports as Prometheus text at {@code /metrics}. Not a CDI bean ({@link Vetoed}, so that no
 * container inspects it where MicroProfile Metrics is missing): {@code MetricsBackends} creates it
 * when the API and its registry are there.
 */
@Vetoed
public final class MicroProfileMetrics implements MetricsPort {

    /**
     * Timers are declared in nanoseconds, which is what Payara's exporter needs to show their mean and
     * max in seconds like the {@code _seconds} name and the {@code _sum} say; their quantiles it prints
     * in nanoseconds whatever the unit, so the deployment's configuration switches them off
     * ({@code mp.metrics.distribution.percentiles}).
     */
    private static final Map<Series, Metadata> METADATA = new EnumMap<>(Series.class);

    static {
        for (Series series : Series.values()) {
            var builder = Metadata.builder().withName(series.metricName()).withDescription(series.description());
            if (series == Series.REQUESTS || series == Series.HUB_CALLS) {
                builder.withUnit(MetricUnits.NANOSECONDS);
            }
            METADATA.put(series, builder.build());
        }
    }

    private final MetricRegistry registry;
    private final TenantSeries tenants = new TenantSeries();
    /**
     * The counters and timers made so far, by series and tags. Payara's registry is not safe for
     * concurrent registration (two requests registering their first timers at once made one of them
     * fail with a ConcurrentModificationException, a 500), so registration is serialised, and the
     * metrics once made are found here without it.
     */
    private final Map<MetricID, Counter> counters = new ConcurrentHashMap<>();
    private final Map<MetricID, Timer> timers = new ConcurrentHashMap<>();

    private MicroProfileMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** The adapter on the application registry, if the server has one. */
    public static Optional<MetricsPort> in(Instance<Object> beans) {
        Instance<MetricRegistry> application = beans.select(MetricRegistry.class);
        return application.isResolvable() ? Optional.of(new MicroProfileMetrics(application.get())) : Optional.empty();
    }

    private static Tag tag(String name, String value) {
        return new Tag(name, value);
    }

    private void count(Series series, long n, Tag... tags) {
        registered(counters, series, tags, registry::counter).inc(n);
    }

    private void time(Series series, Duration elapsed, Tag... tags) {
        registered(timers, series, tags, registry::timer).update(elapsed);
    }

    /** The metric {@code series} with {@code tags}, registered by {@code register} on its first use, one registration at a time. */
    private <M> M registered(Map<MetricID, M> made, Series series, Tag[] tags, BiFunction<Metadata, Tag[], M> register) {
        MetricID id = new MetricID(series.metricName(), tags);
        M metric = made.get(id);
        if (metric == null) {
            synchronized (this) {
                metric = made.computeIfAbsent(id, k -> register.apply(METADATA.get(series), tags));
            }
        }
        return metric;
    }

    @Override
    public void requestAnswered(String operation, int status, Duration elapsed) {
        time(Series.REQUESTS, elapsed, tag("operation", operation), tag("status", String.valueOf(status)));
    }

    @Override
    public void authenticationFailed(String reason) {
        count(Series.AUTH_FAILURES, 1, tag("reason", reason));
    }

    @Override
    public void quotaChecked(Limit quota, boolean refused) {
        Tag tag = tag("quota", quota.wireName());
        count(Series.QUOTA_CHECKS, 1, tag);
        if (refused) {
            count(Series.QUOTA_REFUSALS, 1, tag);
        }
    }

    @Override
    public void rateLimited(RateWindow window) {
        count(Series.RATE_LIMIT_REFUSALS, 1, tag("window", Series.label(window)));
    }

    @Override
    public void delivery(Stream stream, boolean delivered, int items) {
        count(Series.DELIVERIES, items, tag("stream", Series.label(stream)), tag("outcome", Series.delivery(delivered)));
    }

    @Override
    public synchronized void watch(Gauges gauges) {
        Metadata pending = METADATA.get(Series.PENDING);
        registry.gauge(pending, gauges::pendingUsageReports, tag("stream", Series.label(Stream.USAGE_REPORTS)));
        registry.gauge(pending, gauges::pendingOperationLogs, tag("stream", Series.label(Stream.OPERATION_LOGS)));
        registry.gauge(METADATA.get(Series.OPEN_COLLECTIONS), gauges::openCollections);
        registry.gauge(METADATA.get(Series.ACTIVE_TENANTS), gauges::activeTenants);
    }

    @Override
    public synchronized void watchHub(HubGauges gauges) {
        registry.gauge(METADATA.get(Series.HUB_UP), () -> Series.gauge(gauges.up()));
        registry.gauge(METADATA.get(Series.HUB_BREAKER_OPEN), () -> Series.gauge(gauges.breakerOpen()));
    }

    @Override
    public void hubCalled(HubCall call, boolean succeeded, Duration took) {
        time(Series.HUB_CALLS, took, tag("call", Series.label(call)), tag("outcome", Series.hubCall(succeeded)));
    }

    @Override
    public synchronized void tenantSeries(List<TenantSample> samples) {
        TenantSeries.Change change = tenants.replace(samples);
        for (TenantId gone : change.dropped()) {
            TenantSeries.FIGURES.forEach(f -> registry.remove(new MetricID(f.series().metricName(), tag("tenant", gone.value()))));
        }
        for (TenantId tenant : change.added()) {
            TenantSeries.FIGURES.forEach(f -> registry.gauge(METADATA.get(f.series()), () -> tenants.value(tenant, f), tag("tenant", tenant.value())));
        }
    }
}
