package dev.vectorizer.adapter.security;

import dev.vectorizer.application.port.out.FailedAuthenticationsPort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failure counts and blocks of this node, in memory. Bounded: past {@link #MAX_SOURCES} tracked
 * sources, entries with nothing recent are dropped, so an attacker cycling addresses cannot grow it
 * without limit.
 */
@ApplicationScoped
public class InMemoryFailedAuthentications implements FailedAuthenticationsPort {

    static final int MAX_SOURCES = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> blocks = new ConcurrentHashMap<>();

    @Override
    public int recordFailure(String source, Instant now, Duration window) {
        if (failures.size() >= MAX_SOURCES) {
            failures.entrySet().removeIf(e -> isStale(e.getValue(), now.minus(window)));
        }
        Deque<Instant> times = failures.computeIfAbsent(source, s -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
                times.removeFirst();
            }
            return times.size();
        }
    }

    @Override
    public void block(String source, Instant until) {
        if (blocks.size() >= MAX_SOURCES) {
            blocks.values().removeIf(end -> end.isBefore(Instant.now()));
        }
        blocks.merge(source, until, (a, b) -> a.isAfter(b) ? a : b);
        failures.remove(source);
    }

    @Override
    public Optional<Instant> blockedUntil(String source, Instant now) {
        Instant until = blocks.get(source);
        if (until != null && !until.isAfter(now)) {
            blocks.remove(source, until);
            return Optional.empty();
        }
        return Optional.ofNullable(until);
    }

    private static boolean isStale(Deque<Instant> times, Instant oldest) {
        synchronized (times) {
            return times.isEmpty() || times.peekLast().isBefore(oldest);
        }
    }
}
