package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Filter;
import java.util.List;

public interface DeleteVectorsUseCase {

    /** Deletes the vectors with these ids (absent ones are ignored); returns how many existed. Durable on return. */
    long delete(Caller.OfTenant caller, CollectionName collection, List<VectorId> ids);

    /** Deletes every vector whose payload passes {@code filter}; returns how many. Durable on return. */
    long deleteMatching(Caller.OfTenant caller, CollectionName collection, Filter filter);
}
