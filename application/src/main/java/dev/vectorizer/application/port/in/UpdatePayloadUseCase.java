package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.tenant.Caller;

public interface UpdatePayloadUseCase {

    /**
     * Replaces the payload of an existing vector, keeping its values and text; returns the vector as
     * stored. Not found if the collection has no vector of that id. Atomic with respect to every
     * other write of the collection: a concurrent upsert or delete of the same vector is never
     * undone by it. Durable on return.
     */
    Vector updatePayload(Caller.OfTenant caller, CollectionName collection, VectorId id, Payload payload);
}
