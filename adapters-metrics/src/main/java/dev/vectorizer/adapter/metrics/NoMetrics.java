package dev.vectorizer.adapter.metrics;

import dev.vectorizer.application.port.out.MetricsPort;
import dev.vectorizer.domain.hub.HubCall;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.RateWindow;
import jakarta.enterprise.inject.Vetoed;
import java.time.Duration;
import java.util.List;

/** Metrics dropped: a server with no metrics API (WildFly without its micrometer subsystem) still runs the application. */
@Vetoed
final class NoMetrics implements MetricsPort {

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
}
