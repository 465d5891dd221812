package dev.vectorizer.adapter.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.application.port.out.MetricsPort;
import dev.vectorizer.application.port.out.MetricsPort.TenantSample;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.hub.HubCall;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.RateWindow;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Micrometer adapter's series read as Prometheus text (what WildFly's {@code registry=prometheus}
 * serves) carry the names and labels of the MicroProfile Metrics adapter's, which the alert rules and
 * the dashboard use (QuotaIT and HubModeIT check those on Payara Micro).
 */
class MicrometerMetricsTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MicrometerMetrics metrics = new MicrometerMetrics(registry);

    @Test
    void seriesHaveTheNamesAndLabelsOfTheMicroProfileAdapter() {
        metrics.requestAnswered("VectorsResource.upsertBatch", 429, Duration.ofMillis(5));
        metrics.authenticationFailed("missing");
        metrics.quotaChecked(Limit.MAX_VECTORS, true);
        metrics.rateLimited(RateWindow.HOUR);
        metrics.delivery(MetricsPort.Stream.USAGE_REPORTS, true, 2);
        metrics.watch(new Gauges(3, 1, 4, 2));
        metrics.watchHub(new Hub(false, true));
        metrics.hubCalled(HubCall.VALIDATE_KEY, false, Duration.ofMillis(20));
        metrics.tenantSeries(List.of(new TenantSample(new TenantId("acme"), 10, 1200, 7)));

        assertThat(registry.scrape())
                .containsPattern("vectorizer_requests_seconds_count\\{operation=\"VectorsResource.upsertBatch\",status=\"429\"} 1")
                .containsPattern("vectorizer_requests_seconds_sum\\{[^}]*} 0.005")
                .contains("vectorizer_auth_failures_total{reason=\"missing\"} 1")
                .contains("vectorizer_quota_checks_total{quota=\"max_vectors\"} 1", "vectorizer_quota_refusals_total{quota=\"max_vectors\"} 1")
                .contains("vectorizer_rate_limit_refusals_total{window=\"hour\"} 1")
                .contains("vectorizer_outbox_deliveries_total{outcome=\"sent\",stream=\"usage_reports\"} 2")
                .contains("vectorizer_outbox_pending{stream=\"usage_reports\"} 3", "vectorizer_outbox_pending{stream=\"operation_logs\"} 1")
                .contains("vectorizer_open_collections 4", "vectorizer_active_tenants 2")
                .contains("vectorizer_hub_up 0", "vectorizer_hub_breaker_open 1")
                .contains("vectorizer_hub_calls_seconds_count{call=\"validate_key\",outcome=\"failure\"} 1")
                .contains("vectorizer_tenant_vectors{tenant=\"acme\"} 10", "vectorizer_tenant_storage_bytes{tenant=\"acme\"} 1200",
                        "vectorizer_tenant_requests_today{tenant=\"acme\"} 7");
    }

    @Test
    void aTenantThatDropsOutOfTheTopLosesItsSeriesAndTheOthersFollowTheirSamples() {
        TenantId acme = new TenantId("acme");
        TenantId globex = new TenantId("globex");
        metrics.tenantSeries(List.of(new TenantSample(acme, 10, 100, 1), new TenantSample(globex, 20, 200, 2)));
        metrics.tenantSeries(List.of(new TenantSample(globex, 25, 250, 3)));

        assertThat(registry.scrape()).doesNotContain("tenant=\"acme\"").contains("vectorizer_tenant_vectors{tenant=\"globex\"} 25");
        metrics.tenantSeries(List.of(new TenantSample(acme, 11, 110, 1)));
        assertThat(registry.scrape()).doesNotContain("tenant=\"globex\"").contains("vectorizer_tenant_vectors{tenant=\"acme\"} 11");
    }

    private record Gauges(long pendingUsageReports, long pendingOperationLogs, long openCollections, long activeTenants)
            implements MetricsPort.Gauges {
    }

    private record Hub(boolean up, boolean breakerOpen) implements MetricsPort.HubGauges {
    }
}
