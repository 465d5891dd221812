package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * The durable catalog of collections (metadata only; the vectors are in the index). A ref names at
 * most one collection at a time: the current incarnation of that name.
 */
public interface CollectionCatalogPort {

    /**
     * Records a new collection; throws {@link dev.vectorizer.domain.ConflictException} if the ref is
     * taken, also when a concurrent add of the same ref wins.
     */
    void add(Collection collection);

    Optional<Collection> find(CollectionRef ref);

    /** The tenant's collections ordered by name. */
    List<Collection> list(TenantId tenant);

    /**
     * Removes the record of exactly this collection (its ref and incarnation); false if there is none:
     * removed already, or the name now belongs to another incarnation, which is left alone.
     */
    boolean remove(Collection collection);

    /**
     * Swaps the record of exactly {@code current} (its ref and incarnation) for {@code replacement}, a
     * new incarnation of the same ref, in one step: a reader finds one or the other, never neither.
     * False, changing nothing, if {@code current} is no longer the record.
     */
    boolean replace(Collection current, Collection replacement);
}
