package dev.vectorizer.application.port.out;

import java.time.Instant;

/**
 * The nonces of HiveHub's signed calls seen recently, so that a replayed call is refused. Shared
 * state: a clustered deployment backs it with the data grid, so a call replayed to another node is
 * refused too. Bounded: it remembers a nonce only until it expires.
 */
public interface NonceCachePort {

    /**
     * Remembers {@code nonce} until {@code expiresAt}; true if it was not already remembered (the
     * call is fresh), false if it was (a replay). Throws
     * {@link dev.vectorizer.domain.UnavailableException} when it cannot remember another nonce
     * (full): the call is refused rather than risk forgetting one.
     */
    boolean firstUse(String nonce, Instant now, Instant expiresAt);
}
