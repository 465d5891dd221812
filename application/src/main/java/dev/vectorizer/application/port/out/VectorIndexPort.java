package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.Collection;
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
import java.util.List;
import java.util.Optional;

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

    /** Creates the empty index of a new collection (incarnation). */
    void create(Collection collection);

    /** Deletes this incarnation's index and every file of it, and nothing of another incarnation. Idempotent. */
    void drop(Collection collection);

    /**
     * Moves a collection's index to another ref (another tenant or name) of the same incarnation,
     * closing it first. Idempotent: when the source is gone and the target exists, the move already happened.
     */
    void move(Collection from, Collection to);

    /** Deletes whatever is left on disk of a tenant whose collections were all dropped. Idempotent. */
    void dropTenant(TenantId tenant);

    void upsert(Collection collection, List<Vector> vectors);

    Optional<Vector> get(Collection collection, VectorId id);

    /** Returns how many of the ids existed. */
    long delete(Collection collection, List<VectorId> ids);

    /** Returns how many vectors matched and were deleted. */
    long deleteMatching(Collection collection, Filter filter);

    /** kNN, pre-filtered: a restrictive filter still yields {@code limit} hits when that many pass it. */
    List<ScoredPoint> search(Collection collection, VectorQuery query);

    /** BM25 over the text of text-inserted vectors. */
    List<ScoredPoint> searchText(Collection collection, TextQuery query);

    ScrollPage scroll(Collection collection, ScrollRequest request);

    CollectionStats stats(Collection collection);
}
