package dev.vectorizer.adapter.metrics;

import dev.vectorizer.application.port.out.MetricsPort.TenantSample;
import dev.vectorizer.domain.TenantId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * The per-tenant series both adapters keep: the tenants of the latest samples, and what a
 * replacement of them added and dropped, so that an adapter registers the newcomers' gauges and
 * removes the series of the tenants that dropped out (the number of series stays bounded).
 */
public final class TenantSeries {

    /** A per-tenant series and the figure of a sample it shows. */
    public record Figure(Series series, ToLongFunction<TenantSample> value) {
    }

    /** A change of the tenants that have series. */
    public record Change(Set<TenantId> added, Set<TenantId> dropped) {
    }

    public static final List<Figure> FIGURES = List.of(new Figure(Series.TENANT_VECTORS, TenantSample::vectors),
            new Figure(Series.TENANT_STORAGE_BYTES, TenantSample::storageBytes),
            new Figure(Series.TENANT_REQUESTS_TODAY, TenantSample::requestsToday));

    private volatile Map<TenantId, TenantSample> samples = Map.of();

    /** Takes the new samples and says whose series to add and to remove (callers serialize their replacements). */
    public Change replace(List<TenantSample> next) {
        Map<TenantId, TenantSample> byTenant = new HashMap<>();
        next.forEach(s -> byTenant.put(s.tenant(), s));
        Set<TenantId> added = new HashSet<>(byTenant.keySet());
        added.removeAll(samples.keySet());
        Set<TenantId> dropped = new HashSet<>(samples.keySet());
        dropped.removeAll(byTenant.keySet());
        samples = Map.copyOf(byTenant);
        return new Change(added, dropped);
    }

    /** The tenant's figure in the latest samples; 0 once it dropped out (a scrape racing the removal). */
    public long value(TenantId tenant, Figure figure) {
        TenantSample sample = samples.get(tenant);
        return sample == null ? 0L : figure.value().applyAsLong(sample);
    }
}
