package dev.vectorizer.adapter.security;

import dev.vectorizer.application.port.out.RateCountersPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * This node's request counters, in memory: one count per counter key, for the window it was last
 * counted in (a count of an earlier window reads as 0). A check-and-count over several windows holds
 * one lock for a few map lookups, so it is atomic across them. Windows that ended are swept out
 * every {@link #SWEEP_EVERY} acquisitions, so the map holds about one entry per active counter.
 */
@ApplicationScoped
public class InMemoryRateCounters implements RateCountersPort {

    static final int SWEEP_EVERY = 10_000;

    private static final class Count {
        final Instant start;
        final Instant end;
        long value;

        Count(Instant start, Instant end) {
            this.start = start;
            this.end = end;
        }
    }

    private final Map<String, Count> counts = new HashMap<>();
    private int sinceSweep;

    @Override
    public synchronized Acquisition tryAcquire(List<Window> windows) {
        sweepNow(windows);
        boolean room = true;
        List<Count> current = new ArrayList<>(windows.size());
        for (Window window : windows) {
            Count count = counts.get(window.key());
            if (count == null || !count.start.equals(window.start())) {
                count = new Count(window.start(), window.end());
                counts.put(window.key(), count);
            }
            current.add(count);
            room &= count.value < window.limit();
        }
        List<Long> values = new ArrayList<>(current.size());
        for (Count count : current) {
            if (room) {
                count.value++;
            }
            values.add(count.value);
        }
        return new Acquisition(room, values);
    }

    @Override
    public synchronized List<Long> peek(List<Window> windows) {
        return windows.stream().map(w -> {
            Count count = counts.get(w.key());
            return count != null && count.start.equals(w.start()) ? count.value : 0L;
        }).toList();
    }

    /** Every {@link #SWEEP_EVERY} acquisitions, drops the counts whose window ended (call holding the lock). */
    private void sweepNow(List<Window> windows) {
        if (++sinceSweep < SWEEP_EVERY || windows.isEmpty()) {
            return;
        }
        sinceSweep = 0;
        Instant now = windows.getFirst().start();
        counts.values().removeIf(count -> !count.end.isAfter(now));
    }

    /** How many counts are held (for tests of the sweep). */
    synchronized int size() {
        return counts.size();
    }
}
