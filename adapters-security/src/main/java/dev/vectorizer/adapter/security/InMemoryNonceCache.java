package dev.vectorizer.adapter.security;

import dev.vectorizer.application.port.out.NonceCachePort;
import dev.vectorizer.domain.UnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The nonces of this node's recent service calls, in memory. Bounded: a nonce is kept only until
 * it expires, and at {@link #capacity} nonces the expired ones are dropped; if none has expired the
 * call is refused (503) rather than a live nonce forgotten, which would let a replay through. Only
 * calls that carry HiveHub's valid signature reach it, so only HiveHub can fill it.
 */
@ApplicationScoped
public class InMemoryNonceCache implements NonceCachePort {

    /** Enough for HiveHub's calls at over 150 per second within the 600 s replay window. */
    static final int DEFAULT_CAPACITY = 100_000;

    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final int capacity;

    public InMemoryNonceCache() {
        this(DEFAULT_CAPACITY);
    }

    InMemoryNonceCache(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public boolean firstUse(String nonce, Instant now, Instant expiresAt) {
        Instant remembered = seen.get(nonce);
        if (remembered != null && remembered.isAfter(now)) {
            return false;
        }
        if (seen.size() >= capacity) {
            seen.values().removeIf(until -> !until.isAfter(now));
            if (seen.size() >= capacity) {
                Instant soonest = seen.values().stream().min(Instant::compareTo).orElse(now);
                throw new UnavailableException("too many recent service calls to remember another nonce", Duration.between(now, soonest));
            }
        }
        Instant previous = seen.putIfAbsent(nonce, expiresAt);
        return previous == null || !previous.isAfter(now) && seen.replace(nonce, previous, expiresAt);
    }
}
