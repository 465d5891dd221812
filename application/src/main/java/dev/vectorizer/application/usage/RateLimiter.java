package dev.vectorizer.application.usage;

import dev.vectorizer.application.port.out.MetricsPort;
import dev.vectorizer.application.port.out.RateCountersPort;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.quota.LimitUse;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.quota.RateLimitExceededException;
import dev.vectorizer.domain.quota.RateLimitStatus;
import dev.vectorizer.domain.quota.RateWindow;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Requests per minute, hour and day of each tenant ({@code rpm}, {@code rph}, {@code rpd} of its
 * limits), counted in fixed windows aligned to the UTC clock ({@link RateWindow}) behind
 * {@link RateCountersPort}; a credential with rate limits of its own (a HiveHub key's
 * {@code rate_limits}) is held to those too, in windows of that credential alone. A request is
 * admitted only if every window of its tenant and of its credential has room, and then counts in
 * all of them; a refused request counts in none. Every window of the tenant is counted, limited or
 * not, so a tenant's standing shows its real rates.
 *
 * <p>Fixed windows are exact and cheap, and say plainly when they reset; a client may spend one
 * window's allowance at its end and the next one's at the start of the next.
 */
@ApplicationScoped
public class RateLimiter {

    /** The counter of one window of one tenant, and the window kind. */
    private record Bound(RateWindow window, RateCountersPort.Window counter, boolean limited) {
    }

    private final RateCountersPort counters;
    private final TenantLimits limits;
    private final MetricsPort metrics;
    private final Clock clock;

    @Inject
    public RateLimiter(RateCountersPort counters, TenantLimits limits, MetricsPort metrics) {
        this(counters, limits, metrics, Clock.systemUTC());
    }

    public RateLimiter(RateCountersPort counters, TenantLimits limits, MetricsPort metrics, Clock clock) {
        this.counters = counters;
        this.limits = limits;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected RateLimiter() {
        this(null, null, null, null);
    }

    private List<Bound> bounds(TenantId tenant, Instant now) {
        Quota quota = limits.of(tenant);
        List<Bound> bounds = new ArrayList<>();
        for (RateWindow window : RateWindow.values()) {
            bounds.add(bound(window, "tenant:" + tenant.value(), quota.limit(window.limit()), now));
        }
        return bounds;
    }

    /** The tenant's windows, then the limited windows of the caller's own rate limits (counted per credential). */
    private List<Bound> bounds(Caller.OfTenant caller, Instant now) {
        List<Bound> bounds = bounds(caller.tenant(), now);
        RateLimits own = caller.rateLimits();
        String credential = "credential:" + caller.tenant().value() + ":" + AuditEvent.actor(caller);
        for (RateWindow window : RateWindow.values()) {
            OptionalLong limit = switch (window) {
                case MINUTE -> own.perMinute();
                case HOUR -> own.perHour();
                case DAY -> own.perDay();
            };
            if (limit.isPresent()) {
                bounds.add(bound(window, credential, limit, now));
            }
        }
        return bounds;
    }

    private static Bound bound(RateWindow window, String counted, OptionalLong limit, Instant now) {
        return new Bound(window, new RateCountersPort.Window(counted + ":" + window.name(), window.start(now), window.end(now),
                limit.orElse(Long.MAX_VALUE)), limit.isPresent());
    }

    /**
     * Counts one request of the caller's tenant (and of its credential, if that has rate limits of
     * its own). Returns where it stands against the limited window closest to exhaustion (fewest
     * requests left; of equals, the one resetting last), empty if no window is limited; throws
     * {@link RateLimitExceededException} if a window is full.
     */
    public Optional<RateLimitStatus> admit(Caller.OfTenant caller) {
        Instant now = clock.instant();
        List<Bound> bounds = bounds(caller, now);
        RateCountersPort.Acquisition acquisition = counters.tryAcquire(bounds.stream().map(Bound::counter).toList());
        List<Long> counts = acquisition.counts();
        List<RateLimitStatus> statuses = new ArrayList<>();
        List<Bound> full = new ArrayList<>();
        for (int i = 0; i < bounds.size(); i++) {
            Bound bound = bounds.get(i);
            if (bound.limited()) {
                long limit = bound.counter().limit();
                statuses.add(new RateLimitStatus(limit, Math.max(0, limit - counts.get(i)), bound.window().untilReset(now)));
                if (counts.get(i) >= limit) {
                    full.add(bound);
                }
            }
        }
        Comparator<RateLimitStatus> closest = Comparator.comparingLong(RateLimitStatus::remaining)
                .thenComparing(RateLimitStatus::reset, Comparator.reverseOrder());
        if (!acquisition.admitted()) {
            Bound last = full.stream().max(Comparator.comparing(b -> b.window().untilReset(now))).orElseThrow();
            metrics.rateLimited(last.window());
            Duration retryAfter = last.window().untilReset(now);
            throw new RateLimitExceededException(new RateLimitStatus(last.counter().limit(), 0, retryAfter), retryAfter);
        }
        return statuses.stream().min(closest);
    }

    /** The tenant's request rates: each window's limit (empty if unlimited) and its requests so far. */
    public List<LimitUse> standing(TenantId tenant) {
        List<Bound> bounds = bounds(tenant, clock.instant());
        List<Long> counts = counters.peek(bounds.stream().map(Bound::counter).toList());
        List<LimitUse> uses = new ArrayList<>();
        for (int i = 0; i < bounds.size(); i++) {
            Bound bound = bounds.get(i);
            uses.add(new LimitUse(bound.window().limit(), bound.limited() ? OptionalLong.of(bound.counter().limit()) : OptionalLong.empty(),
                    counts.get(i)));
        }
        return uses;
    }
}
