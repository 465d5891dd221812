package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.CollectionInfo;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.TenantId;

public interface GetCollectionQuery {

    /** The tenant's collection; not found if it has none of that name. */
    CollectionInfo get(TenantId tenant, CollectionName name);
}
