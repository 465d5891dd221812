package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;

public interface GetVectorQuery {

    Vector get(Caller.OfTenant caller, CollectionName collection, VectorId id);
}
