package dev.vectorizer.adapter.storage.metadata;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps records read on every request (collections, keys, tenants) in memory, exactly: every write
 * of a record goes through {@link #change}, which drops it, and loading never overlaps a change, so
 * a record that was just changed or removed is never cached in its old state. Node-local; a
 * clustered deployment needs invalidation across nodes.
 */
final class RecordCache<V> {

    private final Map<String, V> known = new ConcurrentHashMap<>();
    private final ReadWriteLock loading = new ReentrantReadWriteLock();

    /** The cached record, else {@code load}'s, which is cached if present. */
    Optional<V> find(String key, Supplier<Optional<V>> load) {
        V cached = known.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        loading.readLock().lock();
        try {
            Optional<V> loaded = load.get();
            loaded.ifPresent(v -> known.put(key, v));
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
                known.clear();
            } else {
                known.remove(key);
            }
            loading.writeLock().unlock();
        }
    }
}
