package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.search.HybridHit;
import dev.vectorizer.domain.search.HybridRequest;
import java.util.List;

public interface HybridSearchQuery {

    /** BM25 and kNN results fused into one ranking, best first. */
    List<HybridHit> hybridSearch(Caller.OfTenant caller, CollectionName collection, HybridRequest request);
}
