package dev.vectorizer.adapter.hub;

import dev.vectorizer.domain.hub.HubStatus;
import dev.vectorizer.domain.json.HubJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness {@code hivehub}: UP while this node can authenticate HiveHub's keys, which it can while
 * HiveHub answers or cached verdicts stand in for it ({@link HubStatus#canServe}); its data says
 * how HiveHub is (up / degraded / down), the breaker, the last success and failure. Whether HiveHub
 * itself is down is {@code GET /api/hub/status}'s to say (503 while it is). Without HiveHub
 * ({@code vectorizer.hub.url} unset) it is UP and says so. Payara Micro answers health polls while
 * the application is still deploying, and until its deployment has finished a health thread cannot
 * read the application's configuration: so the check is DOWN ("starting") until the application has
 * started, and the report (which reads the HiveHub settings when it is built) is first used on the
 * deploying thread, when the application starts.
 */
@Readiness
@ApplicationScoped
public class HubReadinessCheck implements HealthCheck {

    private final HubStatusReport report;
    private volatile boolean started;
    private boolean configured;

    @Inject
    public HubReadinessCheck(HubStatusReport report) {
        this.report = report;
    }

    /** For the CDI client proxy only. */
    protected HubReadinessCheck() {
        this(null);
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        configured = report.configured();
        started = true; // volatile: publishes configured
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named("hivehub");
        if (!started) {
            return check.down().withData("status", "starting").build();
        }
        if (!configured) {
            return check.up().withData("status", "not used").build();
        }
        HubStatus status = report.status();
        HubJson.status(status).forEach((name, value) -> {
            if (value instanceof Number n) {
                check.withData(name, n.longValue());
            } else {
                check.withData(name, value == null ? "never" : value.toString());
            }
        });
        return check.status(status.canServe()).build();
    }
}
