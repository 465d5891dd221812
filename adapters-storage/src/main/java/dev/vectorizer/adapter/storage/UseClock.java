package dev.vectorizer.adapter.storage;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Approximate recency for a bounded set of things used without a lock (cached records, open
 * indexes): each carries the tick of its last use, and a use re-stamps it only when that tick is
 * older than the newest sixteenth of the bound, so the hot ones are used without any shared write.
 * Of a bound of {@code n}, one among the {@code n - n/16} most recently used is never the least recent.
 */
public final class UseClock {

    private final AtomicLong clock = new AtomicLong();
    private final long slack;

    public UseClock(int bound) {
        this.slack = bound / 16;
    }

    /** A fresh tick: for something added, opened, or used while {@link #isStale stale}. */
    public long tick() {
        return clock.incrementAndGet();
    }

    /** Whether a use of something last stamped {@code used} must re-stamp it. */
    public boolean isStale(long used) {
        return clock.get() - used > slack;
    }
}
