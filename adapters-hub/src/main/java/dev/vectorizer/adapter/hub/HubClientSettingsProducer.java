package dev.vectorizer.adapter.hub;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The HiveHub client's settings from MicroProfile Config ({@code vectorizer.hub.*}); a bad value fails the deployment. */
@ApplicationScoped
class HubClientSettingsProducer {

    private static final System.Logger LOG = System.getLogger(HubClientSettingsProducer.class.getName());
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    @Produces
    @Singleton // a record cannot be proxied
    HubClientSettings settings(@ConfigProperty(name = "vectorizer.hub.url") Optional<String> url,
            @ConfigProperty(name = "vectorizer.hub.service-key") Optional<String> serviceKey,
            @ConfigProperty(name = "vectorizer.hub.connect-timeout") Duration connectTimeout,
            @ConfigProperty(name = "vectorizer.hub.request-timeout") Duration requestTimeout,
            @ConfigProperty(name = "vectorizer.hub.retries") int retries,
            @ConfigProperty(name = "vectorizer.hub.retry-backoff") Duration retryBackoff,
            @ConfigProperty(name = "vectorizer.hub.breaker.failures") int breakerFailures,
            @ConfigProperty(name = "vectorizer.hub.breaker.open-for") Duration breakerOpenFor,
            @ConfigProperty(name = "vectorizer.hub.cache.api-key-ttl") Duration keyTtl,
            @ConfigProperty(name = "vectorizer.hub.cache.invalid-key-ttl") Duration invalidKeyTtl,
            @ConfigProperty(name = "vectorizer.hub.cache.quota-ttl") Duration quotaTtl,
            @ConfigProperty(name = "vectorizer.hub.cache.grace") Duration grace,
            @ConfigProperty(name = "vectorizer.hub.cache.max-entries") int maxEntries,
            @ConfigProperty(name = "vectorizer.hub.probe-interval") Duration probeInterval) {
        Optional<URI> base = url.filter(u -> !u.isBlank()).map(u -> URI.create(u.endsWith("/") ? u : u + "/"));
        base.filter(u -> "http".equals(u.getScheme()) && !LOCAL_HOSTS.contains(u.getHost())).ifPresent(u -> LOG.log(System.Logger.Level.WARNING,
                "vectorizer.hub.url {0} is plain http: the service key and HiveHub''s answers travel unencrypted; use https", u));
        return new HubClientSettings(base, serviceKey.orElse(""), connectTimeout, requestTimeout, retries, retryBackoff, breakerFailures,
                breakerOpenFor, keyTtl, invalidKeyTtl, quotaTtl, grace, maxEntries, probeInterval);
    }
}
