package dev.vectorizer.application.usage;

import dev.vectorizer.application.port.out.MetricsPort;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionStats;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.LimitUse;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.quota.QuotaExceededException;
import dev.vectorizer.domain.usage.CollectionUsage;
import dev.vectorizer.domain.usage.UsageChange;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One tenant's capacity usage: what each of its collections (incarnations) holds, and what writes in
 * progress have reserved. Every method is atomic (the monitor is the account). Usage is loaded once,
 * from the indexes, before the first reservation that draws on it (a backup's does not); a change to a collection the account does not hold
 * (deleted meanwhile, its files gone) is not counted.
 */
final class TenantAccount {

    private static final class Held {
        final CollectionName name;
        long vectors;
        long bytes;

        Held(CollectionName name, long vectors, long bytes) {
            this.name = name;
            this.vectors = vectors;
            this.bytes = bytes;
        }
    }

    private final MetricsPort metrics;
    private final Map<String, Held> collections = new HashMap<>();
    private boolean loaded;
    private long vectors;
    private long bytes;
    private long reservedCollections;
    private long reservedVectors;
    private long reservedBytes;

    TenantAccount(MetricsPort metrics) {
        this.metrics = metrics;
    }

    static String key(Collection collection) {
        return collection.ref().name().value() + "@" + collection.incarnation();
    }

    /** Loads the usage once: {@code stats} of each current collection, empty for one gone meanwhile. */
    synchronized void loadOnce(Supplier<List<Collection>> current, Function<Collection, Optional<CollectionStats>> stats) {
        if (loaded) {
            return;
        }
        for (Collection collection : current.get()) {
            stats.apply(collection).ifPresent(s -> hold(collection, s.vectorCount(), s.storedBytes()));
        }
        loaded = true;
    }

    private void hold(Collection collection, long heldVectors, long heldBytes) {
        if (collections.putIfAbsent(key(collection), new Held(collection.ref().name(), heldVectors, heldBytes)) == null) {
            vectors += heldVectors;
            bytes += heldBytes;
        }
    }

    /**
     * Reserves the amounts if every limit they draw on holds them (what is held and reserved plus
     * the amount within the limit). Otherwise, with {@code refuse}, throws the refusal of the first
     * limit that does not hold them; without, returns null (a silent try, which counts no quota check).
     */
    synchronized Reservation reserve(Quota quota, long addCollections, UsageChange add, boolean refuse) {
        return reserve(quota, addCollections, add, UsageChange.NONE, refuse);
    }

    /**
     * Reserves room for a restore: new collections, and vectors and bytes of which what the
     * {@code replaced} collections hold now is not counted as used (the restore drops them). Their
     * holdings stay counted for every other write until then: old and new exist side by side.
     */
    synchronized Reservation reserveReplacing(Quota quota, long addCollections, UsageChange add, List<Collection> replaced) {
        UsageChange freed = UsageChange.NONE;
        for (Collection collection : replaced) {
            Held held = collections.get(key(collection));
            if (held != null) {
                freed = freed.plus(new UsageChange(held.vectors, held.bytes));
            }
        }
        return reserve(quota, addCollections, add, freed, true);
    }

    private Reservation reserve(Quota quota, long addCollections, UsageChange add, UsageChange freed, boolean refuse) {
        Limit[] limits = {Limit.MAX_COLLECTIONS, Limit.MAX_VECTORS, Limit.MAX_STORAGE_BYTES};
        long[] requested = {addCollections, add.vectors(), add.bytes()};
        long[] used = {collections.size() + reservedCollections, vectors + reservedVectors - freed.vectors(), bytes + reservedBytes - freed.bytes()};
        for (int i = 0; i < limits.length; i++) {
            if (!fits(quota.limit(limits[i]), limits[i], used[i], requested[i], refuse)) {
                return null;
            }
        }
        for (int i = 0; i < limits.length; i++) {
            passed(quota.limit(limits[i]), limits[i], requested[i]);
        }
        Reservation reservation = new Reservation(this, addCollections, Math.max(0, add.vectors()), Math.max(0, add.bytes()));
        reservedCollections += reservation.collections;
        reservedVectors += reservation.vectors;
        reservedBytes += reservation.bytes;
        return reservation;
    }

    /**
     * Adds one backup within {@code max}: counting the tenant's backups ({@code existing}, the backup
     * catalog's count) and {@code add} (which puts the new one in the catalog) run under this
     * account's monitor, so concurrent additions neither take the last place twice nor see one
     * another half done.
     */
    synchronized void addBackup(OptionalLong max, LongSupplier existing, Runnable add) {
        fits(max, Limit.MAX_BACKUPS, max.isPresent() ? existing.getAsLong() : 0, 1, true);
        passed(max, Limit.MAX_BACKUPS, 1);
        add.run();
    }

    /** True if {@code requested} more fits; else false, or with {@code refuse} the refusal. */
    private boolean fits(OptionalLong max, Limit limit, long used, long requested, boolean refuse) {
        if (requested <= 0 || max.isEmpty() || used + requested <= max.getAsLong()) {
            return true;
        }
        if (!refuse) {
            return false;
        }
        metrics.quotaChecked(limit, true);
        throw new QuotaExceededException(limit, max.getAsLong(), Math.max(0, used), requested);
    }

    private void passed(OptionalLong max, Limit limit, long requested) {
        if (requested > 0 && max.isPresent()) {
            metrics.quotaChecked(limit, false);
        }
    }

    synchronized void release(Reservation reservation) {
        reservedCollections -= reservation.collections;
        reservedVectors -= reservation.vectors;
        reservedBytes -= reservation.bytes;
    }

    /** Releases the reservation of a collection's creation and holds the new, empty collection. */
    synchronized void created(Reservation reservation, Collection collection) {
        release(reservation);
        hold(collection, 0, 0);
    }

    /**
     * Releases the reservation of a restore, stops holding the collections it replaced and holds the
     * restored ones with what they hold.
     */
    synchronized void restored(Reservation reservation, Map<Collection, UsageChange> restored, List<Collection> replaced) {
        release(reservation);
        replaced.forEach(this::dropped);
        restored.forEach((collection, held) -> hold(collection, held.vectors(), held.bytes()));
    }

    /** Counts what a write changed in a collection (if it is still held); releases its reservation, if any. */
    synchronized void applied(Reservation reservation, Collection collection, UsageChange change) {
        if (reservation != null) {
            release(reservation);
        }
        Held held = collections.get(key(collection));
        if (held != null) {
            held.vectors += change.vectors();
            held.bytes += change.bytes();
            vectors += change.vectors();
            bytes += change.bytes();
        }
    }

    /** Stops holding a deleted collection (nothing if it was never loaded or is gone already). */
    synchronized void dropped(Collection collection) {
        Held held = collections.remove(key(collection));
        if (held != null) {
            vectors -= held.vectors;
            bytes -= held.bytes;
        }
    }

    synchronized List<CollectionUsage> collections() {
        return collections.values().stream().map(h -> new CollectionUsage(h.name, h.vectors, h.bytes))
                .sorted(Comparator.comparing(u -> u.name().value())).toList();
    }

    /** The capacities (backups aside: their count is the backup catalog's) with what is used of each. */
    synchronized List<LimitUse> capacities(Quota quota) {
        return List.of(new LimitUse(Limit.MAX_COLLECTIONS, quota.limit(Limit.MAX_COLLECTIONS), collections.size() + reservedCollections),
                new LimitUse(Limit.MAX_VECTORS, quota.limit(Limit.MAX_VECTORS), vectors + reservedVectors),
                new LimitUse(Limit.MAX_STORAGE_BYTES, quota.limit(Limit.MAX_STORAGE_BYTES), bytes + reservedBytes));
    }

    /** Collections, vectors and stored bytes held now. */
    synchronized QuotaLedger.Totals totals() {
        return new QuotaLedger.Totals(collections.size(), vectors, bytes);
    }
}
