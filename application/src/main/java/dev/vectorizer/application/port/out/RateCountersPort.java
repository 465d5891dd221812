package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.InvalidValueException;
import java.time.Instant;
import java.util.List;

/**
 * Request counters in fixed time windows, for rate limits. Shared state: one node keeps them in
 * memory; a cluster shares them through its data grid, so that a tenant's limit holds across nodes.
 */
public interface RateCountersPort {

    /**
     * One window of one counter: {@code key} names the counter and its window kind, {@code start}
     * and {@code end} the current window (a count of an older window is over), {@code limit} how
     * many requests the window admits.
     */
    record Window(String key, Instant start, Instant end, long limit) {

        public Window {
            InvalidValueException.require(key != null && start != null && end != null && end.isAfter(start), "a window needs a key and a span");
            InvalidValueException.require(limit >= 1, "a window admits at least one request");
        }
    }

    /** Whether a request was admitted, and each window's count (after it, if admitted) in the order asked. */
    record Acquisition(boolean admitted, List<Long> counts) {

        public Acquisition {
            counts = List.copyOf(counts);
        }
    }

    /**
     * Atomically over all the windows: if every one's count is below its limit, counts one request
     * in each; otherwise counts nothing.
     */
    Acquisition tryAcquire(List<Window> windows);

    /** Each window's current count, counting nothing. */
    List<Long> peek(List<Window> windows);
}
