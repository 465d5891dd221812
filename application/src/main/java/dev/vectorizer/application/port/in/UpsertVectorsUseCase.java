package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.Vector;
import java.util.List;

public interface UpsertVectorsUseCase {

    int MAX_BATCH = 1000;

    /**
     * Inserts or replaces (by id) a batch of vectors, all or none. When this returns the batch is
     * durable and visible to searches.
     */
    int upsert(Caller.OfTenant caller, CollectionName collection, List<Vector> vectors);
}
