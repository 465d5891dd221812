package dev.vectorizer.application.service;

import dev.vectorizer.application.port.out.FailedAuthenticationsPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Failure counters in maps, for testing the brute-force rules. */
final class InMemoryFailures implements FailedAuthenticationsPort {

    private final Map<String, List<Instant>> failures = new HashMap<>();
    final Map<String, Instant> blocks = new HashMap<>();

    @Override
    public int recordFailure(String source, Instant now, Duration window) {
        List<Instant> times = failures.computeIfAbsent(source, s -> new ArrayList<>());
        times.add(now);
        times.removeIf(t -> t.isBefore(now.minus(window)));
        return times.size();
    }

    @Override
    public void block(String source, Instant until) {
        blocks.put(source, until);
    }

    @Override
    public Optional<Instant> blockedUntil(String source, Instant now) {
        return Optional.ofNullable(blocks.get(source)).filter(now::isBefore);
    }
}
