package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.CollectionInfo;
import dev.vectorizer.domain.CollectionName;

public interface GetCollectionQuery {

    /** The tenant's collection; not found if it has none of that name. */
    CollectionInfo get(Caller.OfTenant caller, CollectionName name);
}
