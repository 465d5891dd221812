package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.CollectionName;

public interface DeleteCollectionUseCase {

    /** Deletes the collection with all its vectors and files; not found if it has none of that name. */
    void delete(Caller.OfTenant caller, CollectionName name);
}
