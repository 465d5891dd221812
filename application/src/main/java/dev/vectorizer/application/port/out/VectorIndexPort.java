package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.CollectionStats;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.ScrollPage;
import dev.vectorizer.domain.search.ScrollRequest;
import dev.vectorizer.domain.search.TextQuery;
import dev.vectorizer.domain.search.VectorQuery;
import dev.vectorizer.domain.usage.UsageChange;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The vector index of each collection. Contract for every write: when the call returns, the
 * change is durable (it survives a crash of the process at any later moment) and visible to the
 * next read; a batch is applied entirely or not at all, also across a crash. Callers have already
 * validated dimensions, ids and limits against the collection.
 *
 * <p>Every call addresses one incarnation of a collection ({@link Collection#incarnation()}): once
 * that incarnation is dropped, calls for it fail with {@link dev.vectorizer.domain.NotFoundException}
 * and never touch another incarnation of the same name.
 */
public interface VectorIndexPort {

    /**
     * Creates the empty index of a new collection (incarnation), noted as unsettled (see
     * {@link #settleAll}) until {@link #settle}: its catalog entry is yet to be made.
     */
    void create(Collection collection);

    /**
     * Deletes this incarnation's index and every file of it, and nothing of another incarnation, and
     * forgets its unsettled note. Idempotent.
     */
    void drop(Collection collection);

    /**
     * Notes, before the catalog entry of this incarnation is removed or swapped, that its files may
     * outlive its entry (a crash before {@link #drop}). Cheap: no fsync (a note, like the catalog,
     * needs only to survive the process).
     */
    void unsettle(Collection collection);

    /** The catalog entry of this incarnation is made: forgets its unsettled note. */
    void settle(Collection collection);

    /**
     * Settles every incarnation a crash left unsettled (created, restored or being removed when the
     * process died): kept, its note forgotten, if {@code named} (the catalog names exactly it),
     * its files deleted otherwise. Call at start, before any collection is created or dropped.
     *
     * @return the incarnations whose files were deleted
     */
    List<Unsettled> settleAll(Predicate<Unsettled> named);

    /** An incarnation noted as unsettled. */
    record Unsettled(CollectionRef ref, Incarnation incarnation) {
    }

    /**
     * Moves a collection's index to another ref (another tenant or name) of the same incarnation,
     * closing it first. Idempotent: when the source is gone and the target exists, the move already happened.
     */
    void move(Collection from, Collection to);

    /** Deletes whatever is left on disk of a tenant whose collections were all dropped. Idempotent. */
    void dropTenant(TenantId tenant);

    /**
     * Upserts a batch and says what it changed: how many of its ids were new and how many stored
     * bytes it added (less those of the vectors it replaced), measured against exactly the writes of
     * the collection that precede it (all of them applied, no later one).
     */
    UsageChange upsert(Collection collection, List<Vector> vectors);

    /**
     * Upserts a batch only if {@code admission} accepts what it would change, measured as above
     * before anything is written; later writes of the collection wait until this one is decided, so
     * the measured change is the one applied. If admission throws, nothing is written and the
     * exception propagates. Slower under concurrent writes than {@link #upsert(Collection, List)}:
     * for writes that must be decided exactly, near a limit.
     */
    UsageChange upsert(Collection collection, List<Vector> vectors, Consumer<UsageChange> admission);

    Optional<Vector> get(Collection collection, VectorId id);

    /** Deletes those of the ids that exist; returns what that freed (minus how many existed, minus their bytes). */
    UsageChange delete(Collection collection, List<VectorId> ids);

    /** Deletes the vectors matching the filter; returns what that freed. */
    UsageChange deleteMatching(Collection collection, Filter filter);

    /** kNN, pre-filtered: a restrictive filter still yields {@code limit} hits when that many pass it. */
    List<ScoredPoint> search(Collection collection, VectorQuery query);

    /** BM25 over the text of text-inserted vectors. */
    List<ScoredPoint> searchText(Collection collection, TextQuery query);

    ScrollPage scroll(Collection collection, ScrollRequest request);

    CollectionStats stats(Collection collection);

    /** How many collection indexes are open now (they open on use and close when idle or evicted). */
    int openCount();
}
