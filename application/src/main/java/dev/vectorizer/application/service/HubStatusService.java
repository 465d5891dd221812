package dev.vectorizer.application.service;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.port.in.GetHubStatusQuery;
import dev.vectorizer.application.port.out.HubStatusPort;
import dev.vectorizer.application.port.out.MetricsPort;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.hub.HubStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * HiveHub's status as this installation sees it; only hub mode has one. In hub mode it also feeds
 * the HiveHub gauges of {@link MetricsPort}, read from the status at each scrape (which keeps an idle
 * node's status fresh the way a status query does).
 */
@ApplicationScoped
public class HubStatusService implements GetHubStatusQuery {

    private final ServerSettings settings;
    private final HubStatusPort hub;
    private final MetricsPort metrics;

    @Inject
    public HubStatusService(ServerSettings settings, HubStatusPort hub, MetricsPort metrics) {
        this.settings = settings;
        this.hub = hub;
        this.metrics = metrics;
    }

    /** For the CDI client proxy only. */
    protected HubStatusService() {
        this(null, null, null);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (settings.mode() == ServerMode.HUB) {
            metrics.watchHub(new MetricsPort.HubGauges() {
                @Override
                public boolean up() {
                    return hub.status().connectivity() == HubStatus.Connectivity.UP;
                }

                @Override
                public boolean breakerOpen() {
                    return hub.status().breaker() != HubStatus.Breaker.CLOSED;
                }
            });
        }
    }

    @Override
    public Optional<HubStatus> hubStatus() {
        return settings.mode() == ServerMode.HUB ? Optional.of(hub.status()) : Optional.empty();
    }
}
