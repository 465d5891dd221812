package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.hub.HubStatus;

/** How HiveHub answers this installation: connectivity, circuit breaker, last success, cached keys, call statistics. */
public interface HubStatusPort {

    /**
     * The current status, at once. When HiveHub was last heard from longer ago than the probe
     * interval, or the breaker waits for a trial call, this also starts a probe in the background
     * (one at a time), so the status of an idle node does not go stale and an unready one recovers.
     */
    HubStatus status();
}
