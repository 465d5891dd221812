package dev.vectorizer.application.service;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.port.in.GetHubStatusQuery;
import dev.vectorizer.application.port.out.HubStatusPort;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.hub.HubStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** HiveHub's status as this installation sees it; only hub mode has one. */
@ApplicationScoped
public class HubStatusService implements GetHubStatusQuery {

    private final ServerSettings settings;
    private final HubStatusPort hub;

    @Inject
    public HubStatusService(ServerSettings settings, HubStatusPort hub) {
        this.settings = settings;
        this.hub = hub;
    }

    /** For the CDI client proxy only. */
    protected HubStatusService() {
        this(null, null);
    }

    @Override
    public Optional<HubStatus> hubStatus() {
        return settings.mode() == ServerMode.HUB ? Optional.of(hub.status()) : Optional.empty();
    }
}
