package dev.vectorizer.application.usage;

import dev.vectorizer.application.port.out.RequestCountsPort;
import dev.vectorizer.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Each tenant's admitted requests, per UTC day: counted in memory as they come and added to the
 * durable counts ({@link RequestCountsPort}) by {@link #flush} (every few seconds, before a usage
 * report is made and when the application stops). A count leaves memory only once its transaction
 * committed, so no request is counted twice; a crash loses at most the counts since the last flush.
 */
@ApplicationScoped
public class RequestCounter {

    private record TenantDay(TenantId tenant, LocalDate day) {
    }

    /** A tenant's requests today and this month (UTC). */
    public record Requests(long today, long thisMonth) {
    }

    private final RequestCountsPort store;
    private final Clock clock;
    private final ConcurrentMap<TenantDay, AtomicLong> unflushed = new ConcurrentHashMap<>();
    private final ConcurrentMap<TenantId, Instant> lastSeen = new ConcurrentHashMap<>();
    private Instant lastFlush;

    @Inject
    public RequestCounter(RequestCountsPort store) {
        this(store, Clock.systemUTC());
    }

    public RequestCounter(RequestCountsPort store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.lastFlush = clock == null ? null : clock.instant();
    }

    /** For the CDI client proxy only. */
    protected RequestCounter() {
        this(null, null);
    }

    public void count(TenantId tenant) {
        Instant now = clock.instant();
        unflushed.computeIfAbsent(new TenantDay(tenant, day(now)), k -> new AtomicLong()).incrementAndGet();
        lastSeen.put(tenant, now);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Adds the counts made since the last flush to the durable ones, in one transaction. */
    public synchronized void flush() {
        Instant now = clock.instant();
        Map<TenantId, Map<LocalDate, Long>> taken = new HashMap<>();
        Map<TenantDay, Long> takenFrom = new HashMap<>();
        unflushed.forEach((key, count) -> {
            long n = count.getAndSet(0);
            if (n > 0) {
                taken.computeIfAbsent(key.tenant(), t -> new HashMap<>()).put(key.day(), n);
                takenFrom.put(key, n);
            }
        });
        try {
            if (!taken.isEmpty()) {
                store.add(taken, lastFlush);
            }
        } catch (RuntimeException e) {
            takenFrom.forEach((key, n) -> unflushed.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(n));
            throw e;
        }
        lastFlush = now;
        // Days before yesterday take no more counts (a request late yesterday may still be counting).
        LocalDate yesterday = day(now).minusDays(1);
        unflushed.entrySet().removeIf(e -> e.getKey().day().isBefore(yesterday) && e.getValue().get() == 0);
    }

    /**
     * The tenant's requests today and this month, durable and not yet flushed. Waits for a flush in
     * progress, whose counts are neither unflushed nor durable until it commits.
     */
    public synchronized Requests requests(TenantId tenant) {
        LocalDate today = day(clock.instant());
        LocalDate firstOfMonth = today.withDayOfMonth(1);
        return new Requests(store.count(tenant, today, today) + pending(tenant, today, today),
                store.count(tenant, firstOfMonth, today) + pending(tenant, firstOfMonth, today));
    }

    private long pending(TenantId tenant, LocalDate from, LocalDate to) {
        return unflushed.entrySet().stream()
                .filter(e -> e.getKey().tenant().equals(tenant) && !e.getKey().day().isBefore(from) && !e.getKey().day().isAfter(to))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    /** The tenants with the most requests today (durable counts), at most {@code limit}. */
    public Map<TenantId, Long> busiestToday(int limit) {
        return store.busiest(day(clock.instant()), limit);
    }

    /** How many tenants made a request within {@code window} before now. */
    public long activeTenants(Duration window) {
        Instant since = clock.instant().minus(window);
        lastSeen.values().removeIf(seen -> seen.isBefore(since.minus(window)));
        return lastSeen.values().stream().filter(seen -> !seen.isBefore(since)).count();
    }

    /** Forgets a deleted tenant's unflushed counts (its final report took what was flushed). */
    public void forget(TenantId tenant) {
        unflushed.keySet().removeIf(key -> key.tenant().equals(tenant));
        lastSeen.remove(tenant);
    }
}
