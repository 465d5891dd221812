package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionSpec;

public interface CreateCollectionUseCase {

    /** Creates an empty collection; fails with a conflict if the tenant already has one of that name. */
    Collection create(Caller.OfTenant caller, CollectionName name, CollectionSpec spec);
}
