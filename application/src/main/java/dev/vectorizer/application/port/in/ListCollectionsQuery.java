package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.CollectionInfo;
import java.util.List;

public interface ListCollectionsQuery {

    /** The tenant's collections, by name. */
    List<CollectionInfo> list(Caller.OfTenant caller);
}
