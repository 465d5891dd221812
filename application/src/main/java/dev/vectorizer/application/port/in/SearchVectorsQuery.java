package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.SearchRequest;
import java.util.List;

public interface SearchVectorsQuery {

    /** The most searches one batch may hold. */
    int MAX_BATCH = 100;

    /** The closest vectors to a vector (or to the embedding of a text), best first. */
    default List<ScoredPoint> search(Caller.OfTenant caller, CollectionName collection, SearchRequest request) {
        return searchBatch(caller, collection, List.of(request)).getFirst();
    }

    /**
     * Several searches of one collection in one call, answered in order: each as {@link #search} would
     * answer it. All are checked before any runs (one invalid search fails the batch); texts are
     * embedded together. At most {@link #MAX_BATCH}.
     */
    List<List<ScoredPoint>> searchBatch(Caller.OfTenant caller, CollectionName collection, List<SearchRequest> requests);
}
