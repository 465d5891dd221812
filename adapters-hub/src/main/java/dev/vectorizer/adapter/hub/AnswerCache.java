package dev.vectorizer.adapter.hub;

import dev.vectorizer.domain.hub.HubUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * HiveHub's answers kept for reuse, node-local. An answer is fresh for its time to live; past it,
 * the next ask fetches again, and if HiveHub cannot answer, the old answer still serves for its
 * grace (zero for answers that must not outlive their time to live), after which the failure is
 * the caller's. Concurrent asks for a key that must be fetched make one call and share its outcome
 * (single flight). At most {@code maxEntries} answers are kept: when full, the expired ones go, then
 * the ones closest to expiry.
 *
 * @param <K> what an answer is about (a key's digest, a tenant)
 * @param <V> the answer
 */
final class AnswerCache<K, V> {

    /** A kept answer: when it was fetched, until when it is fresh, until when it may serve while HiveHub is down. */
    record Entry<V>(V value, Instant fetchedAt, Instant freshUntil, Instant usableUntil) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Map<K, CompletableFuture<Entry<V>>> inFlight = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxEntries;
    private final Function<V, Duration> ttl;
    private final Function<V, Duration> grace;

    AnswerCache(Clock clock, int maxEntries, Function<V, Duration> ttl, Function<V, Duration> grace) {
        this.clock = clock;
        this.maxEntries = maxEntries;
        this.ttl = ttl;
        this.grace = grace;
    }

    /**
     * The answer for {@code key}: the kept one while fresh, else {@code fetch}'s (one fetch for all
     * concurrent asks), else, if the fetch fails with {@link HubUnavailableException}, the kept one
     * while usable.
     */
    Entry<V> get(K key, Supplier<V> fetch) {
        Entry<V> kept = entries.get(key);
        if (isFresh(kept)) {
            return kept;
        }
        CompletableFuture<Entry<V>> mine = new CompletableFuture<>();
        CompletableFuture<Entry<V>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            Entry<V> answer = fly(key, fetch);
            mine.complete(answer);
            return answer;
        } catch (RuntimeException failed) {
            mine.completeExceptionally(failed);
            throw failed;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /**
     * One flight's answer: that of a flight which landed since the first look, a new one, or, while
     * HiveHub cannot answer, the kept one while usable.
     */
    private Entry<V> fly(K key, Supplier<V> fetch) {
        Entry<V> kept = entries.get(key);
        if (isFresh(kept)) {
            return kept;
        }
        Instant asked = clock.instant();
        try {
            V value = fetch.get();
            Instant freshUntil = asked.plus(ttl.apply(value));
            Entry<V> fresh = new Entry<>(value, asked, freshUntil, freshUntil.plus(grace.apply(value)));
            put(key, fresh);
            return fresh;
        } catch (HubUnavailableException failed) {
            if (kept != null && clock.instant().isBefore(kept.usableUntil())) {
                return kept;
            }
            throw failed;
        }
    }

    private boolean isFresh(Entry<V> entry) {
        return entry != null && clock.instant().isBefore(entry.freshUntil());
    }

    /** Forgets the answers whose values match. */
    void forgetIf(Predicate<V> which) {
        entries.values().removeIf(entry -> which.test(entry.value()));
    }

    void forget(K key) {
        entries.remove(key);
    }

    /** How many kept answers that match may still serve now (fresh, or within their grace). */
    int usable(Predicate<V> which) {
        Instant now = clock.instant();
        return (int) entries.values().stream().filter(e -> now.isBefore(e.usableUntil()) && which.test(e.value())).count();
    }

    private void put(K key, Entry<V> entry) {
        if (entries.size() >= maxEntries && !entries.containsKey(key)) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !now.isBefore(e.usableUntil()));
            int excess = entries.size() - (maxEntries - Math.max(1, maxEntries / 10));
            if (excess > 0) {
                entries.entrySet().stream().sorted(Comparator.comparing((Map.Entry<K, Entry<V>> e) -> e.getValue().usableUntil())).limit(excess)
                        .map(Map.Entry::getKey).toList().forEach(entries::remove);
            }
        }
        entries.put(key, entry);
    }

    private static <V> Entry<V> await(CompletableFuture<Entry<V>> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
