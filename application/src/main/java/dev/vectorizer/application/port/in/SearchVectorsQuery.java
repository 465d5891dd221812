package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.SearchRequest;
import java.util.List;

public interface SearchVectorsQuery {

    /** The closest vectors to a vector (or to the embedding of a text), best first. */
    List<ScoredPoint> search(Caller.OfTenant caller, CollectionName collection, SearchRequest request);
}
