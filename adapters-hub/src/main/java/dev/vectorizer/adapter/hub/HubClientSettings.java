package dev.vectorizer.adapter.hub;

import dev.vectorizer.domain.InvalidValueException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How this installation talks to HiveHub ({@code vectorizer.hub.*}; defaults in the deployment's
 * {@code microprofile-config.properties}, explained in docs/HUB_INTEGRATION.md).
 *
 * @param url HiveHub's base URL; empty when this installation does not use HiveHub
 * @param serviceKey sent as {@code Authorization: Bearer} on every call
 * @param connectTimeout how long opening a connection may take
 * @param requestTimeout how long one call may take, retries included
 * @param retries how often an idempotent call is retried after no answer or a 5xx (jittered exponential backoff)
 * @param retryBackoff the first backoff; each retry doubles it, and a random part of it is waited
 * @param breakerFailures consecutive failed calls that open the circuit breaker
 * @param breakerOpenFor how long an open breaker refuses calls before it lets one trial through
 * @param keyTtl how long a valid key's verdict is reused
 * @param invalidKeyTtl how long an invalid key's verdict is reused
 * @param quotaTtl how long a tenant's quota is reused
 * @param grace how long past its time to live a valid verdict or a quota still serves while HiveHub cannot answer
 * @param maxEntries the most verdicts (and, separately, quotas) kept
 * @param probeInterval after this long without hearing from HiveHub, a status query asks it
 */
public record HubClientSettings(Optional<URI> url, String serviceKey, Duration connectTimeout, Duration requestTimeout, int retries,
        Duration retryBackoff, int breakerFailures, Duration breakerOpenFor, Duration keyTtl, Duration invalidKeyTtl, Duration quotaTtl,
        Duration grace, int maxEntries, Duration probeInterval) {

    /** The longest grace: a revoked key must not keep working for long because HiveHub is down. */
    public static final Duration MAX_GRACE = Duration.ofHours(1);

    public HubClientSettings {
        InvalidValueException.require(url != null && serviceKey != null, "url and service key are required (empty for none)");
        url.ifPresent(u -> InvalidValueException.require(("https".equals(u.getScheme()) || "http".equals(u.getScheme())) && u.getHost() != null,
                "vectorizer.hub.url must be an http(s) URL, not '" + u + "'"));
        InvalidValueException.require(url.isEmpty() || !serviceKey.isBlank(), "vectorizer.hub.service-key is required with vectorizer.hub.url");
        for (Duration d : new Duration[] {connectTimeout, requestTimeout, breakerOpenFor, keyTtl, invalidKeyTtl, quotaTtl, probeInterval}) {
            InvalidValueException.require(d != null && d.isPositive(), "HiveHub timeouts, times to live and intervals must be positive");
        }
        InvalidValueException.require(retryBackoff != null && !retryBackoff.isNegative(), "vectorizer.hub.retry-backoff must not be negative");
        InvalidValueException.require(grace != null && !grace.isNegative() && grace.compareTo(MAX_GRACE) <= 0,
                "vectorizer.hub.cache.grace must be between 0s and " + MAX_GRACE.toMinutes() + "m");
        InvalidValueException.require(retries >= 0 && retries <= 5, "vectorizer.hub.retries must be 0..5");
        InvalidValueException.require(breakerFailures >= 1, "vectorizer.hub.breaker.failures must be at least 1");
        InvalidValueException.require(maxEntries >= 1, "vectorizer.hub.cache.max-entries must be at least 1");
    }

    @Override
    public String toString() {
        return "HubClientSettings[url=" + url.map(URI::toString).orElse("none") + ", serviceKey=redacted]";
    }
}
