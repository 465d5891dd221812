package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;

public interface GetVectorQuery {

    Vector get(TenantId tenant, CollectionName collection, VectorId id);
}
