package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.hub.HubCall;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.RateWindow;
import java.time.Duration;
import java.util.List;

/**
 * What operators watch (docs/OPERATIONS.md, "Monitoring", names every series): the application
 * and the HiveHub client count through this port, an adapter exposes it (MicroProfile Metrics on
 * Payara, Micrometer on WildFly; Prometheus text). Per-tenant series are only those the application
 * hands to {@link #tenantSeries}, a bounded list.
 */
public interface MetricsPort {

    /** Records nothing: a server with no metrics API (WildFly without its micrometer subsystem) still runs the application. */
    MetricsPort NONE = new MetricsPort() {
        @Override
        public void requestAnswered(String operation, int status, Duration elapsed) {
        }

        @Override
        public void authenticationFailed(String reason) {
        }

        @Override
        public void quotaChecked(Limit quota, boolean refused) {
        }

        @Override
        public void rateLimited(RateWindow window) {
        }

        @Override
        public void delivery(Stream stream, boolean delivered, int items) {
        }

        @Override
        public void watch(Gauges gauges) {
        }

        @Override
        public void watchHub(HubGauges gauges) {
        }

        @Override
        public void hubCalled(HubCall call, boolean succeeded, Duration took) {
        }

        @Override
        public void tenantSeries(List<TenantSample> samples) {
        }
    };

    /** A delivery stream of the usage outbox. */
    enum Stream { USAGE_REPORTS, OPERATION_LOGS }

    /** Values read each time the metrics are scraped. */
    interface Gauges {
        long pendingUsageReports();

        long pendingOperationLogs();

        long openCollections();

        long activeTenants();
    }

    /** HiveHub as the gauges read it when scraped (hub mode only). */
    interface HubGauges {
        /** True while HiveHub answers: the latest call succeeded (or none was made yet). */
        boolean up();

        /** True while the circuit breaker in front of HiveHub is open or waits for its trial call. */
        boolean breakerOpen();
    }

    /** One tenant's figures for the per-tenant series. */
    record TenantSample(TenantId tenant, long vectors, long storageBytes, long requestsToday) {
    }

    /** An answer of an inbound interface: the operation (e.g. {@code CollectionsResource.create}), the HTTP status, how long it took. */
    void requestAnswered(String operation, int status, Duration elapsed);

    /** A refused authentication: {@code missing}, {@code invalid}, {@code blocked}, {@code forbidden} or {@code unavailable}. */
    void authenticationFailed(String reason);

    /** A write checked against a capacity limit, and whether it was refused. */
    void quotaChecked(Limit quota, boolean refused);

    /** A request refused by the rate limit of {@code window}. */
    void rateLimited(RateWindow window);

    /** {@code items} of {@code stream} delivered, or not delivered (they stay in the outbox). */
    void delivery(Stream stream, boolean delivered, int items);

    /** Registers the gauges; called once at start. */
    void watch(Gauges gauges);

    /** Registers HiveHub's gauges; called once at start, in hub mode only. */
    void watchHub(HubGauges gauges);

    /** A call to HiveHub that got a usable answer, or did not, after {@code took} (retries included). */
    void hubCalled(HubCall call, boolean succeeded, Duration took);

    /** Replaces the per-tenant series with these tenants' (a bounded list; tenants left out lose their series). */
    void tenantSeries(List<TenantSample> samples);
}
