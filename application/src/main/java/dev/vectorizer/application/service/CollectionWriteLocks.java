package dev.vectorizer.application.service;

import dev.vectorizer.domain.Collection;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Orders the writes to each collection on this node: ordinary writes share (the index applies them
 * concurrently and atomically each), a read-then-write excludes them, so that it never writes back
 * a vector that a concurrent write replaced or deleted in between. Locks are striped by collection
 * (a bounded number, however many collections): collections of one stripe share its lock.
 */
final class CollectionWriteLocks {

    private static final int STRIPES = 64;

    private final ReadWriteLock[] stripes = new ReadWriteLock[STRIPES];

    CollectionWriteLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantReadWriteLock();
        }
    }

    /** Runs a write that the index applies atomically by itself. */
    <T> T shared(Collection collection, Supplier<T> write) {
        return locked(stripe(collection).readLock(), write);
    }

    /** Runs a read followed by a write that depends on it, with no other write of the collection in between. */
    <T> T exclusive(Collection collection, Supplier<T> readThenWrite) {
        return locked(stripe(collection).writeLock(), readThenWrite);
    }

    private ReadWriteLock stripe(Collection collection) {
        return stripes[Math.floorMod(collection.ref().storageKey().hashCode(), STRIPES)];
    }

    private static <T> T locked(Lock lock, Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
