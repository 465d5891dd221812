package dev.vectorizer.adapter.hub;

import dev.vectorizer.domain.hub.HubCall;
import dev.vectorizer.domain.hub.HubStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What the calls to HiveHub did: per kind of call, successes, failures and time; when the last success and failure were. */
final class CallStatistics {

    private final Map<HubCall, AtomicLong[]> counts = new EnumMap<>(HubCall.class);
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
    private final AtomicReference<Instant> lastFailure = new AtomicReference<>();

    CallStatistics() {
        for (HubCall call : HubCall.values()) {
            counts.put(call, new AtomicLong[] {new AtomicLong(), new AtomicLong(), new AtomicLong()});
        }
    }

    void record(HubCall call, boolean succeeded, Duration took, Instant at) {
        AtomicLong[] c = counts.get(call);
        c[succeeded ? 0 : 1].incrementAndGet();
        c[2].addAndGet(took.toNanos());
        (succeeded ? lastSuccess : lastFailure).set(at);
    }

    Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess.get());
    }

    Optional<Instant> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    /** The later of the last success and the last failure: when HiveHub was last heard from (or not). */
    Optional<Instant> lastContact() {
        return lastSuccess().map(s -> lastFailure().filter(s::isBefore).orElse(s)).or(this::lastFailure);
    }

    Map<HubCall, HubStatus.CallStats> snapshot() {
        Map<HubCall, HubStatus.CallStats> stats = new EnumMap<>(HubCall.class);
        counts.forEach((call, c) -> stats.put(call, new HubStatus.CallStats(c[0].get(), c[1].get(), Duration.ofNanos(c[2].get()))));
        return stats;
    }
}
