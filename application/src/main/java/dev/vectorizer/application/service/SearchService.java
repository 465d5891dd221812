package dev.vectorizer.application.service;

import dev.vectorizer.application.port.in.HybridSearchQuery;
import dev.vectorizer.application.port.in.ScrollVectorsQuery;
import dev.vectorizer.application.port.in.SearchVectorsQuery;
import dev.vectorizer.application.port.out.CollectionCatalogPort;
import dev.vectorizer.application.port.out.EmbeddingPort;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.search.HybridHit;
import dev.vectorizer.domain.search.HybridRequest;
import dev.vectorizer.domain.search.RankFusion;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.ScrollPage;
import dev.vectorizer.domain.search.ScrollRequest;
import dev.vectorizer.domain.search.SearchRequest;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Operation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

@ApplicationScoped
public class SearchService implements SearchVectorsQuery, HybridSearchQuery, ScrollVectorsQuery {

    private final CollectionCatalogPort catalog;
    private final VectorIndexPort index;
    private final EmbeddingPort embedding;

    @Inject
    public SearchService(CollectionCatalogPort catalog, VectorIndexPort index, EmbeddingPort embedding) {
        this.catalog = catalog;
        this.index = index;
        this.embedding = embedding;
    }

    /** For the CDI client proxy only. */
    protected SearchService() {
        this(null, null, null);
    }

    @Override
    public List<ScoredPoint> search(Caller.OfTenant caller, CollectionName name, SearchRequest request) {
        Collection collection = CollectionLookup.require(catalog, caller.require(Operation.READ), name);
        float[] vector = switch (request.target()) {
            case SearchRequest.Target.Dense dense -> dense.vector();
            case SearchRequest.Target.Text text -> embedOne(collection, text.text());
        };
        collection.requireComparable(vector, "query vector");
        return index.search(collection, request.toVectorQuery(vector));
    }

    @Override
    public List<HybridHit> hybridSearch(Caller.OfTenant caller, CollectionName name, HybridRequest request) {
        Collection collection = CollectionLookup.require(catalog, caller.require(Operation.READ), name);
        float[] vector = request.vector().orElseGet(() -> embedOne(collection, request.text()));
        collection.requireComparable(vector, "query vector");
        List<ScoredPoint> byVector = index.search(collection, request.vectorSide(vector));
        List<ScoredPoint> byText = index.searchText(collection, request.textSide());
        return RankFusion.fuse(byVector, byText, request.fusion(), request.limit());
    }

    @Override
    public ScrollPage scroll(Caller.OfTenant caller, CollectionName name, ScrollRequest request) {
        return index.scroll(CollectionLookup.require(catalog, caller.require(Operation.READ), name), request);
    }

    private float[] embedOne(Collection collection, String text) {
        collection.requireEmbeddable(embedding.model(), embedding.dimension());
        return embedding.embed(List.of(text)).getFirst();
    }
}
