package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.hub.HubStatus;
import java.util.Optional;

/** How HiveHub answers this installation, for health checks, status pages and metrics. */
public interface GetHubStatusQuery {

    /** The status; empty unless the installation runs in hub mode. */
    Optional<HubStatus> hubStatus();
}
