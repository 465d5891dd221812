package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.TenantId;

public interface CreateCollectionUseCase {

    /** Creates an empty collection; fails with a conflict if the tenant already has one of that name. */
    Collection create(TenantId tenant, CollectionName name, CollectionSpec spec);
}
