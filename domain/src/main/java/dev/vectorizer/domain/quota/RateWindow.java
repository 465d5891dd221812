package dev.vectorizer.domain.quota;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A fixed window of request counting, aligned to the UTC clock (a minute window starts at second
 * 0 of the minute), with the plan limit that caps it.
 */
public enum RateWindow {
    MINUTE(Limit.RPM, ChronoUnit.MINUTES),
    HOUR(Limit.RPH, ChronoUnit.HOURS),
    DAY(Limit.RPD, ChronoUnit.DAYS);

    private final Limit limit;
    private final ChronoUnit unit;

    RateWindow(Limit limit, ChronoUnit unit) {
        this.limit = limit;
        this.unit = unit;
    }

    public Limit limit() {
        return limit;
    }

    /** When the window holding {@code now} started. */
    public Instant start(Instant now) {
        return now.truncatedTo(unit);
    }

    /** When the window holding {@code now} ends (the next one starts). */
    public Instant end(Instant now) {
        return start(now).plus(unit.getDuration());
    }

    /** How long until the window holding {@code now} ends. */
    public Duration untilReset(Instant now) {
        return Duration.between(now, end(now));
    }
}
