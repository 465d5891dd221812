package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.InvalidValueException;
import java.util.OptionalLong;

/**
 * Requests a credential may make per minute, hour and day; an empty bound is no bound of its own
 * (the tenant's plan still applies). HiveHub gives each of its keys these ({@code rate_limits});
 * a local key has none of its own ({@link #NONE}).
 */
public record RateLimits(OptionalLong perMinute, OptionalLong perHour, OptionalLong perDay) {

    public static final RateLimits NONE = new RateLimits(OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

    public RateLimits {
        InvalidValueException.require(perMinute != null && perHour != null && perDay != null, "rate limits are required (empty for none)");
        for (OptionalLong bound : new OptionalLong[] {perMinute, perHour, perDay}) {
            InvalidValueException.require(bound.orElse(0) >= 0, "a rate limit must not be negative");
        }
    }
}
