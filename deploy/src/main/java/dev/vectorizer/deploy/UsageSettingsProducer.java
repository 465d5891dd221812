package dev.vectorizer.deploy;

import dev.vectorizer.application.UsageSettings;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.Quota;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the quota, rate-limit and usage settings from MicroProfile Config: the installation's
 * default limits {@code vectorizer.quota.default.<limit>} (each unlimited unless set; {@code <limit>}
 * is a plan field with dashes, e.g. {@code max-vectors}, {@code rpm}), the usage report interval,
 * the request-count flush interval and the number of per-tenant metric series. A bad value stops the
 * deployment.
 */
@ApplicationScoped
class UsageSettingsProducer {

    static final String DEFAULT_LIMIT_PREFIX = "vectorizer.quota.default.";

    @Produces
    @Singleton
    UsageSettings usageSettings(Config config,
            @ConfigProperty(name = "vectorizer.hub.usage.interval") Duration reportInterval,
            @ConfigProperty(name = "vectorizer.usage.flush-interval") Duration flushInterval,
            @ConfigProperty(name = "vectorizer.metrics.tenant-series") int tenantSeries) {
        Map<Limit, Long> defaults = new EnumMap<>(Limit.class);
        for (Limit limit : Limit.values()) {
            Optional<Long> value = config.getOptionalValue(DEFAULT_LIMIT_PREFIX + limit.wireName().replace('_', '-'), Long.class);
            value.ifPresent(v -> defaults.put(limit, v));
        }
        return new UsageSettings(new Quota(defaults), reportInterval, flushInterval, tenantSeries);
    }

    /** Reads the settings at deployment so that a bad value fails the start, not a request. */
    void validateOnStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted, UsageSettings settings) {
        settings.defaults();
    }
}
