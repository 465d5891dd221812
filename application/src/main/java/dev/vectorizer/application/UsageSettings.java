package dev.vectorizer.application;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.quota.Quota;
import java.time.Duration;

/**
 * The installation-wide settings of quotas, rate limits and usage reporting, built by the
 * composition root from configuration (like {@link ServerSettings}).
 *
 * @param defaults the limits of a tenant whose plan leaves them out (each unlimited unless set)
 * @param reportInterval how often usage reports are made ({@code vectorizer.hub.usage.interval})
 * @param flushInterval how often request counts are written to the database: what a crash can lose at most
 * @param tenantSeries how many tenants get per-tenant metric series (the top ones by storage and by requests today); 0 for none
 */
public record UsageSettings(Quota defaults, Duration reportInterval, Duration flushInterval, int tenantSeries) {

    public static final UsageSettings DEFAULT = new UsageSettings(Quota.NONE, Duration.ofMinutes(5), Duration.ofSeconds(10), 10);

    public UsageSettings {
        InvalidValueException.require(defaults != null, "default quota is required");
        InvalidValueException.require(reportInterval != null && reportInterval.isPositive(), "the usage report interval must be positive");
        InvalidValueException.require(flushInterval != null && flushInterval.isPositive(), "the request count flush interval must be positive");
        InvalidValueException.require(tenantSeries >= 0, "the number of per-tenant series cannot be negative");
    }
}
