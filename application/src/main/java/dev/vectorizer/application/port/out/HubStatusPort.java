package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.hub.HubStatus;

/** How HiveHub answers this installation: connectivity, circuit breaker, last success, cached keys, call statistics. */
public interface HubStatusPort {

    /**
     * The current status. When HiveHub was last heard from longer ago than the probe interval and
     * the breaker lets a call through, this asks HiveHub first (one probe at a time), so the status
     * of an idle node is not stale.
     */
    HubStatus status();
}
