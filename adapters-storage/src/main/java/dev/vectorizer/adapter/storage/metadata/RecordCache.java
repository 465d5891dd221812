package dev.vectorizer.adapter.storage.metadata;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps records read on every request (collections, keys, tenants) in memory, exactly: every write
 * of a record, creation included, goes through {@link #change}, which drops it, and loading never
 * overlaps a change, so a record that was just changed, created or removed is never cached in its
 * old state. Absent records are remembered too (a request for a tenant without a record, such as
 * single mode's {@code default}, costs no query each time).
 *
 * <p>Bounded: at most {@code maxRecords} found records and, apart from them, as many absent ones, the
 * least recently used dropped first; lookups of ids that do not exist (typos, guessed keys) therefore
 * never push out the records in use. Node-local; a clustered deployment needs invalidation across nodes.
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

    /** An access-ordered map that drops its least recently used entry beyond {@code max}. */
    private static final class Recent<T> extends LinkedHashMap<String, T> {

        private final int max;

        Recent(int max) {
            super(16, 0.75f, true);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, T> eldest) {
            return size() > max;
        }
    }

    /** The cached record or absence, else {@code load}'s answer, which is cached. */
    Optional<V> find(String key, Supplier<Optional<V>> load) {
        synchronized (this) {
            V cached = found.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
            if (absent.get(key) != null) {
                return Optional.empty();
            }
        }
        loading.readLock().lock();
        try {
            Optional<V> loaded = load.get();
            synchronized (this) {
                if (loaded.isPresent()) {
                    found.put(key, loaded.get());
                } else {
                    absent.put(key, Boolean.TRUE);
                }
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
            synchronized (this) {
                if (key == null) {
                    found.clear();
                    absent.clear();
                } else {
                    found.remove(key);
                    absent.remove(key);
                }
            }
            loading.writeLock().unlock();
        }
    }

    /** How many found and absent records are cached. */
    synchronized int size() {
        return found.size() + absent.size();
    }
}
