package dev.vectorizer.domain.hub;

import dev.vectorizer.domain.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How this installation sees HiveHub right now.
 *
 * @param connectivity what the latest calls say
 * @param breaker the circuit breaker in front of HiveHub
 * @param lastSuccess when HiveHub last gave a usable answer
 * @param lastFailure when a call last failed (no answer, an error or nonsense)
 * @param cachedKeys key decisions cached that may still serve (within their TTL plus the grace)
 * @param calls what each kind of call has done since the start
 */
public record HubStatus(Connectivity connectivity, Breaker breaker, Optional<Instant> lastSuccess, Optional<Instant> lastFailure,
        int cachedKeys, Map<HubCall, CallStats> calls) {

    /**
     * {@code UP}: the latest call succeeded (or none was made yet); {@code DEGRADED}: the latest
     * call failed but the breaker is still closed; {@code DOWN}: the breaker is open (no call
     * reaches HiveHub, only cached decisions serve) or half open (waiting for a trial call to
     * succeed).
     */
    public enum Connectivity { UP, DEGRADED, DOWN }

    public enum Breaker { CLOSED, OPEN, HALF_OPEN }

    /** @param totalTime the time the answered and failed calls took, retries included */
    public record CallStats(long succeeded, long failed, Duration totalTime) {
        public static final CallStats NONE = new CallStats(0, 0, Duration.ZERO);

        public CallStats {
            InvalidValueException.require(succeeded >= 0 && failed >= 0 && totalTime != null && !totalTime.isNegative(), "call statistics are counts");
        }
    }

    public HubStatus {
        InvalidValueException.require(connectivity != null && breaker != null && lastSuccess != null && lastFailure != null && calls != null,
                "every field of the hub status is required");
        InvalidValueException.require(cachedKeys >= 0, "cached keys are a count");
        Map<HubCall, CallStats> all = new EnumMap<>(HubCall.class);
        for (HubCall call : HubCall.values()) {
            all.put(call, calls.getOrDefault(call, CallStats.NONE));
        }
        calls = Map.copyOf(all);
    }

    /**
     * True while this node can still authenticate HiveHub's keys: HiveHub is reachable, or cached
     * decisions stand in for it. What readiness reports.
     */
    public boolean canServe() {
        return connectivity != Connectivity.DOWN || cachedKeys > 0;
    }
}
