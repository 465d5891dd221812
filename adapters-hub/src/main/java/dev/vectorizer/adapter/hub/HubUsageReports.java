package dev.vectorizer.adapter.hub;

import dev.vectorizer.application.port.out.ControlPlane;
import dev.vectorizer.application.port.out.UsageReportSinkPort;
import dev.vectorizer.domain.usage.UsageReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Usage reports to HiveHub in hub mode ({@code POST /api/v1/usage}): returns only once HiveHub took
 * the report (202, or 409 for one it already has), throws
 * {@link dev.vectorizer.domain.hub.HubUnavailableException} otherwise, and the outbox sends it again
 * later with the same {@code report_id}, which HiveHub counts once.
 */
@ApplicationScoped
@ControlPlane(ControlPlane.Kind.HIVEHUB)
public class HubUsageReports implements UsageReportSinkPort {

    private final HubClient client;

    @Inject
    public HubUsageReports(HubClient client) {
        this.client = client;
    }

    /** For the CDI client proxy only. */
    protected HubUsageReports() {
        this(null);
    }

    @Override
    public void deliver(UsageReport report) {
        client.reportUsage(report);
    }
}
