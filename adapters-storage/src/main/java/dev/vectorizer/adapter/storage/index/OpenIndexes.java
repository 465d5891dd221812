package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.adapter.storage.UseClock;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.Incarnation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open {@link CollectionIndex}es: opened lazily on first use, at most {@code maxOpen} once opening
 * settles (each opening closes the least recently used beyond that after it opened, so concurrent
 * openings may exceed it by one each for a moment; closing commits and trims the translog) and reopened
 * transparently on the next use. Each collection incarnation ({@link #key}) has a slot whose monitor
 * serialises opening, closing and dropping it, so two instances never compete for one index directory;
 * only a move holds two slot monitors (the target's, then the source's), and closing waits only for the
 * operations in flight on that collection. A slot
 * lives only while its index is open: closing retires it (under its monitor, so a thread that fetched
 * it meanwhile sees it retired and fetches a fresh one), so the map holds the open collections only.
 *
 * <p>A use of an open index takes no monitor: it finds the slot in a concurrent map, reads its index (a
 * volatile field, written under the slot's monitor) and enters it ({@link CollectionIndex#tryEnter},
 * which fails once the index is closed, so a closed or evicted index is never used: the use then takes
 * the slot's monitor and reopens it). Recency is a {@link UseClock} tick per slot, as in the record
 * caches, so a hot collection is used without writing its recency. Opening one beyond {@code maxOpen}
 * closes the least recently used; a collection among the {@code maxOpen - maxOpen/16} most recently
 * used is never the one closed.
 *
 * <p>Reads open a closed collection without its writer where they can ({@link Access#READ},
 * {@link IndexOpening#openToRead}): searching an idle collection, which also closes another, then
 * costs neither a writer nor a translog on either side. A write to a collection opened that way
 * closes it (waiting for the reads in flight on it) and opens it with the writer, under the slot's
 * monitor like any other open.
 */
final class OpenIndexes {

    private static final Logger LOG = Logger.getLogger(OpenIndexes.class.getName());

    /** What a use of a collection needs of its index. */
    enum Access {
        /** Reads only: an index opened without its writer will do. */
        READ,
        /** Writes: the index must be open with its writer and translog. */
        WRITE,
        /** Creates the index if missing, with its writer. */
        CREATE
    }

    /** Opens a collection's index as {@code access} needs it. */
    interface Opener {
        CollectionIndex open(Collection collection, Access access) throws IOException;
    }

    private static final class Slot {
        /** Written under the slot's monitor; read without it by a use. */
        volatile CollectionIndex index;
        /** Under the slot's monitor. */
        boolean retired;
        /** The clock's tick at the last use, to within the clock's slack. */
        volatile long used;
    }

    /** A slot's last use, read once (ticks change while the eldest are chosen). */
    private record Use(Key key, long used) {
    }

    private final int maxOpen;
    private final Opener opener;
    private final Map<Key, Slot> slots = new ConcurrentHashMap<>();
    private final UseClock clock;

    OpenIndexes(int maxOpen, Opener opener) {
        if (maxOpen < 1) {
            throw new IllegalArgumentException("max open indexes must be at least 1");
        }
        this.maxOpen = maxOpen;
        this.clock = new UseClock(maxOpen);
        this.opener = opener;
    }

    /**
     * The key of a collection incarnation: its ref and incarnation. A value, not a string built per
     * call: every search and write looks its slot up.
     */
    record Key(CollectionRef ref, Incarnation incarnation) {

        @Override
        public String toString() {
            return ref.storageKey() + "@" + incarnation;
        }
    }

    static Key key(Collection collection) {
        return new Key(collection.ref(), collection.incarnation());
    }

    /** Runs {@code work}, which only reads, on the collection's open index, opening it if needed. */
    <T> T with(Collection collection, Function<CollectionIndex, T> work) {
        return with(collection, Access.READ, work);
    }

    /** Runs {@code work}, which writes, on the collection's index open with its writer, opening it if needed. */
    <T> T withWriter(Collection collection, Function<CollectionIndex, T> work) {
        return with(collection, Access.WRITE, work);
    }

    private <T> T with(Collection collection, Access access, Function<CollectionIndex, T> work) {
        Key key = key(collection);
        while (true) {
            CollectionIndex index = usable(key, access);
            if (index == null) {
                index = acquire(collection, key, access);
            }
            if (index.tryEnter()) {
                try {
                    return work.apply(index);
                } finally {
                    index.exit();
                }
            }
            // closed by eviction between acquire and enter: open it again
        }
    }

    /**
     * Runs {@code work}, which only reads, on the collection's index if it is open, without opening it
     * or counting as a use of it; empty if it is not open (or closing, or broken).
     */
    <T> Optional<T> ifOpen(Collection collection, Function<CollectionIndex, T> work) {
        CollectionIndex index = peek(key(collection));
        if (index == null || index.isBroken() || !index.tryEnterQuietly()) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.apply(index));
        } finally {
            index.exit();
        }
    }

    /**
     * {@link #with} for work that should not keep the collection open: if its index was not open, it
     * is closed again afterwards (a backup of an idle collection leaves it idle).
     */
    <T> T withoutKeepingOpen(Collection collection, Function<CollectionIndex, T> work) {
        Key key = key(collection);
        CollectionIndex open = peek(key);
        boolean wasOpen = open != null && !open.isClosed();
        try {
            return with(collection, work);
        } finally {
            if (!wasOpen) {
                close(key);
            }
        }
    }

    /** Opens (creating if missing) the collection's index. */
    void create(Collection collection) {
        acquire(collection, key(collection), Access.CREATE);
    }

    /**
     * The open index of {@code key} if it will do for {@code access} as it is, found without a lock
     * (null: {@link #acquire} opens, reopens or closes it under the slot's monitor). The caller still
     * has to enter it: it may be closed at any moment.
     */
    private CollectionIndex usable(Key key, Access access) {
        Slot slot = slots.get(key);
        if (slot == null) {
            return null;
        }
        CollectionIndex index = slot.index;
        if (index == null || index.isClosed() || index.isBroken() || access != Access.READ && index.isReadOnly()) {
            return null;
        }
        markUsed(slot);
        return index;
    }

    /** Re-stamps the slot's last use, unless it is recent enough already. */
    private void markUsed(Slot slot) {
        if (clock.isStale(slot.used)) {
            slot.used = clock.tick();
        }
    }

    /** Runs {@code work} holding the monitor of the live slot of {@code key}, making one if there is none. */
    private <T> T inSlot(Key key, Function<Slot, T> work) {
        while (true) {
            Slot slot = slots.computeIfAbsent(key, k -> new Slot());
            synchronized (slot) {
                if (!slot.retired) {
                    return work.apply(slot);
                }
            }
        }
    }

    /** Call holding the slot's monitor, its index closed: nobody finds the slot any more. */
    private void retire(Key key, Slot slot) {
        slot.index = null;
        slot.retired = true;
        slots.remove(key, slot);
    }

    private CollectionIndex acquire(Collection collection, Key key, Access access) {
        CollectionIndex index = inSlot(key, slot -> {
            if (slot.index != null && !slot.index.isClosed() && slot.index.isBroken()) {
                closeQuietly(key, slot.index, "closing the broken index of collection ");
            }
            if (slot.index != null && !slot.index.isClosed() && access != Access.READ && slot.index.isReadOnly()) {
                // opened to read only: reopen it with the writer (closing commits nothing, and waits for the reads in flight)
                closeQuietly(key, slot.index, "closing the read-only index of collection ");
            }
            if (slot.index == null || slot.index.isClosed()) {
                try {
                    slot.index = opener.open(collection, access);
                } catch (IOException e) {
                    retire(key, slot);
                    throw new UncheckedIOException("cannot open the index of collection " + key, e);
                } catch (RuntimeException e) {
                    retire(key, slot);
                    throw e;
                }
            }
            slot.used = clock.tick();
            return slot.index;
        });
        closeLeastRecentlyUsed(key);
        return index;
    }

    /** Closes the least recently used open indexes beyond {@code maxOpen}, never {@code keep}'s. */
    private void closeLeastRecentlyUsed(Key keep) {
        if (slots.size() <= maxOpen) {
            return;
        }
        List<Use> open = new ArrayList<>();
        slots.forEach((key, slot) -> {
            if (slot.index != null && !key.equals(keep)) {
                open.add(new Use(key, slot.used));
            }
        });
        open.sort(Comparator.comparingLong(Use::used));
        for (Use eldest : open.subList(0, Math.max(0, open.size() + 1 - maxOpen))) {
            close(eldest.key());
        }
    }

    private static void closeQuietly(Key key, CollectionIndex index, String what) {
        try {
            index.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, what + key + " failed", e);
        }
    }

    /** Closes the collection's index if open (committing it); the next use reopens it. */
    void close(Key key) {
        Slot slot = slots.get(key);
        if (slot == null) {
            return;
        }
        synchronized (slot) {
            if (!slot.retired) {
                if (slot.index != null) {
                    closeQuietly(key, slot.index, "closing the index of collection ");
                }
                retire(key, slot);
            }
        }
    }

    /** Closes the collection's index if open and then runs {@code action} while nobody can open it. */
    void closeAnd(Collection collection, Runnable action) {
        Key key = key(collection);
        inSlot(key, slot -> {
            try {
                if (slot.index != null) {
                    closeQuietly(key, slot.index, "closing the index of collection ");
                }
                action.run();
            } finally {
                retire(key, slot);
            }
            return null;
        });
    }

    /** The keys of the currently open indexes. */
    List<Key> openKeys() {
        List<Key> keys = new ArrayList<>();
        slots.forEach((key, slot) -> {
            synchronized (slot) {
                if (slot.index != null && !slot.index.isClosed()) {
                    keys.add(key);
                }
            }
        });
        return keys;
    }

    /** The open index of {@code key}, if any (for maintenance; use {@link CollectionIndex#tryEnter}). */
    CollectionIndex peek(Key key) {
        Slot slot = slots.get(key);
        if (slot == null) {
            return null;
        }
        synchronized (slot) { // not the index a reopen is replacing
            return slot.index;
        }
    }

    /** Closes every open index. */
    void closeAll() {
        for (Key key : new ArrayList<>(slots.keySet())) {
            close(key);
        }
    }

    /** Releases every open index without committing, as a process crash would ({@link CollectionIndex#abandon}). */
    void abandonAll() throws IOException {
        for (Map.Entry<Key, Slot> entry : slots.entrySet()) {
            Slot slot = entry.getValue();
            synchronized (slot) {
                if (!slot.retired) {
                    if (slot.index != null) {
                        slot.index.abandon();
                    }
                    retire(entry.getKey(), slot);
                }
            }
        }
    }
}
