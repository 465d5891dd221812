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
 * from the indexes, before the first reservation; a change to a collection the account does not hold
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
    private long reservedBackups;

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
    synchronized Reservation reserve(Quota quota, long addCollections, UsageChange add, long addBackups, LongSupplier existingBackups,
            boolean refuse) {
        Limit[] limits = {Limit.MAX_COLLECTIONS, Limit.MAX_VECTORS, Limit.MAX_STORAGE_BYTES, Limit.MAX_BACKUPS};
        long[] requested = {addCollections, add.vectors(), add.bytes(), addBackups};
        for (int i = 0; i < limits.length; i++) {
            OptionalLong max = quota.limit(limits[i]);
            long used = requested[i] > 0 && max.isPresent() ? used(limits[i], existingBackups) : 0;
            if (requested[i] > 0 && max.isPresent() && used + requested[i] > max.getAsLong()) {
                if (!refuse) {
                    return null;
                }
                metrics.quotaChecked(limits[i], true);
                throw new QuotaExceededException(limits[i], max.getAsLong(), used, requested[i]);
            }
        }
        for (int i = 0; i < limits.length; i++) {
            if (requested[i] > 0 && quota.limit(limits[i]).isPresent()) {
                metrics.quotaChecked(limits[i], false);
            }
        }
        Reservation reservation = new Reservation(this, addCollections, Math.max(0, add.vectors()), Math.max(0, add.bytes()), addBackups);
        reservedCollections += reservation.collections;
        reservedVectors += reservation.vectors;
        reservedBytes += reservation.bytes;
        reservedBackups += reservation.backups;
        return reservation;
    }

    private long used(Limit limit, LongSupplier existingBackups) {
        return switch (limit) {
            case MAX_COLLECTIONS -> collections.size() + reservedCollections;
            case MAX_VECTORS -> vectors + reservedVectors;
            case MAX_STORAGE_BYTES -> bytes + reservedBytes;
            case MAX_BACKUPS -> existingBackups.getAsLong() + reservedBackups;
            default -> throw new IllegalArgumentException(limit + " is not a capacity");
        };
    }

    synchronized void release(Reservation reservation) {
        reservedCollections -= reservation.collections;
        reservedVectors -= reservation.vectors;
        reservedBytes -= reservation.bytes;
        reservedBackups -= reservation.backups;
    }

    /** Releases the reservation of a collection's creation and holds the new, empty collection. */
    synchronized void created(Reservation reservation, Collection collection) {
        release(reservation);
        hold(collection, 0, 0);
    }

    /** Releases the reservation of a restore and holds the restored collections with what they hold. */
    synchronized void restored(Reservation reservation, Map<Collection, CollectionStats> restored) {
        release(reservation);
        restored.forEach((collection, stats) -> hold(collection, stats.vectorCount(), stats.storedBytes()));
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
