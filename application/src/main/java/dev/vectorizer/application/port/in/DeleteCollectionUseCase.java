package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.TenantId;

public interface DeleteCollectionUseCase {

    /** Deletes the collection with all its vectors and files; not found if it has none of that name. */
    void delete(TenantId tenant, CollectionName name);
}
