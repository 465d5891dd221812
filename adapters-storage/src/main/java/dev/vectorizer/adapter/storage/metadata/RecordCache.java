package dev.vectorizer.adapter.storage.metadata;

import dev.vectorizer.adapter.storage.UseClock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps records read on every request (collections, keys, tenants) in memory, exactly: every write
 * of a record, creation included, goes through {@link #change}, which drops it, and loading never
 * overlaps a change (loads hold the read side of one lock while they read and cache, a change its
 * write side while it writes and forgets), so a record that was just changed, created or removed is
 * never cached in its old state. Absent records are remembered too (a request for a tenant without a
 * record, such as single mode's {@code default}, costs no query each time). A lookup that finds its
 * record takes no lock: request threads never wait for each other here, only for a change.
 *
 * <p>Bounded: at most {@code maxRecords} found records and, apart from them, as many absent ones; the
 * least recently used go first, a sixteenth of the bound at a time. Recency is kept to within a
 * sixteenth of the bound, so a lookup of a record among the most recently used writes nothing shared;
 * lookups of ids that do not exist (typos, guessed keys) never push out the records in use.
 * Node-local; a clustered deployment needs invalidation across nodes.
 */
final class RecordCache<V> {

    /** The bound when none is configured ({@code vectorizer.storage.record-cache-size}). */
    static final int DEFAULT_MAX_RECORDS = 10_000;

    private final Recent<V> found;
    private final Recent<Boolean> absent;
    private final ReadWriteLock loading = new ReentrantReadWriteLock();

    RecordCache(int maxRecords) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("the record cache must hold at least one record");
        }
        this.found = new Recent<>(maxRecords);
        this.absent = new Recent<>(maxRecords);
    }

    /**
     * A concurrent map that drops its least recently used entries beyond {@code max}. Each entry carries
     * the {@link UseClock} tick of its last use, so the hot entries are read without any write. Only
     * adding (and evicting) is serialised.
     */
    private static final class Recent<T> {

        private static final class Entry<T> {
            final T value;
            volatile long used;

            Entry(T value, long used) {
                this.value = value;
                this.used = used;
            }
        }

        private final int max;
        private final int evictAtOnce;
        private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
        private final UseClock clock;

        Recent(int max) {
            this.max = max;
            this.clock = new UseClock(max);
            this.evictAtOnce = Math.max(1, max / 16);
        }

        T get(String key) {
            Entry<T> entry = entries.get(key);
            if (entry == null) {
                return null;
            }
            if (clock.isStale(entry.used)) {
                entry.used = clock.tick();
            }
            return entry.value;
        }

        synchronized void put(String key, T value) {
            entries.put(key, new Entry<>(value, clock.tick()));
            while (entries.size() > max) {
                evictOldest(entries.size() - max - 1 + evictAtOnce);
            }
        }

        /** Drops the {@code count} least recently used entries (fewer if some are used meanwhile). */
        private void evictOldest(int count) {
            long[] used = entries.values().stream().mapToLong(e -> e.used).toArray();
            Arrays.sort(used);
            long newestDropped = used[Math.min(count, used.length) - 1];
            entries.entrySet().removeIf(e -> e.getValue().used <= newestDropped);
        }

        void remove(String key) {
            entries.remove(key);
        }

        void clear() {
            entries.clear();
        }

        int size() {
            return entries.size();
        }
    }

    /** The cached record or absence, else {@code load}'s answer, which is cached. */
    Optional<V> find(String key, Supplier<Optional<V>> load) {
        V cached = found.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (absent.get(key) != null) {
            return Optional.empty();
        }
        loading.readLock().lock();
        try {
            Optional<V> loaded = load.get();
            if (loaded.isPresent()) {
                found.put(key, loaded.get());
            } else {
                absent.put(key, Boolean.TRUE);
            }
            return loaded;
        } finally {
            loading.readLock().unlock();
        }
    }

    /** Runs a write of the record {@code key} (or, with a null key, of any records) and forgets the affected ones. */
    <T> T change(String key, Supplier<T> write) {
        loading.writeLock().lock();
        try {
            return write.get();
        } finally {
            if (key == null) {
                found.clear();
                absent.clear();
            } else {
                found.remove(key);
                absent.remove(key);
            }
            loading.writeLock().unlock();
        }
    }

    /** How many found and absent records are cached. */
    int size() {
        return found.size() + absent.size();
    }
}
