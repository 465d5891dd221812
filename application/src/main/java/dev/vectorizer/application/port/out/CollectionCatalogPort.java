package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.TenantId;
import java.util.List;
import java.util.Optional;

/** The durable catalog of collections (metadata only; the vectors are in the index). */
public interface CollectionCatalogPort {

    /** Records a new collection; throws {@link dev.vectorizer.domain.ConflictException} if the ref is taken. */
    void add(Collection collection);

    Optional<Collection> find(CollectionRef ref);

    /** The tenant's collections ordered by name. */
    List<Collection> list(TenantId tenant);

    /** Removes the record; false if there was none. */
    boolean remove(CollectionRef ref);
}
