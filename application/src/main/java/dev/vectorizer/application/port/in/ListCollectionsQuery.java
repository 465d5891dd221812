package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.CollectionInfo;
import dev.vectorizer.domain.TenantId;
import java.util.List;

public interface ListCollectionsQuery {

    /** The tenant's collections, by name. */
    List<CollectionInfo> list(TenantId tenant);
}
