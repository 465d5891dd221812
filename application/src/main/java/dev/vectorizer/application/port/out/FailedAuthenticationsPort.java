package dev.vectorizer.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Recent authentication failures per source (a client address, {@code ip:...}) and the blocks they
 * caused. Shared state: a clustered deployment backs it with the data grid.
 */
public interface FailedAuthenticationsPort {

    /** Records one failure of {@code source} at {@code now}; returns its failures within the last {@code window}. */
    int recordFailure(String source, Instant now, Duration window);

    /** Blocks {@code source} until {@code until}. */
    void block(String source, Instant until);

    /** When the block of {@code source} ends, if it is blocked at {@code now}. */
    Optional<Instant> blockedUntil(String source, Instant now);
}
