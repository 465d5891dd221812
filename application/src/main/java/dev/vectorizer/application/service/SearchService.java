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
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

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
    public List<List<ScoredPoint>> searchBatch(Caller.OfTenant caller, CollectionName name, List<SearchRequest> requests) {
        Batches.require(requests.size(), MAX_BATCH, "searches");
        Collection collection = CollectionLookup.require(catalog, caller.require(Operation.READ), name);
        List<float[]> vectors = queryVectors(collection, requests);
        List<List<ScoredPoint>> results = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            results.add(index.search(collection, requests.get(i).toVectorQuery(vectors.get(i))));
        }
        return results;
    }

    /** Each search's query vector (numbered from 0 in errors), checked against the collection; the texts embedded in one call. */
    private List<float[]> queryVectors(Collection collection, List<SearchRequest> requests) {
        List<String> texts = requests.stream().map(SearchRequest::target)
                .flatMap(target -> target instanceof SearchRequest.Target.Text text ? Stream.of(text.text()) : Stream.empty()).toList();
        Iterator<float[]> embedded = texts.isEmpty() ? Collections.emptyIterator() : embed(collection, texts).iterator();
        List<float[]> vectors = new ArrayList<>(requests.size());
        for (SearchRequest request : requests) {
            float[] vector = switch (request.target()) {
                case SearchRequest.Target.Dense dense -> dense.vector();
                case SearchRequest.Target.Text text -> embedded.next();
            };
            collection.requireComparable(vector, requests.size() == 1 ? "query vector" : "query vector " + vectors.size());
            vectors.add(vector);
        }
        return vectors;
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
        return embed(collection, List.of(text)).getFirst();
    }

    private List<float[]> embed(Collection collection, List<String> texts) {
        collection.requireEmbeddable(embedding.model(), embedding.dimension());
        return embedding.embed(texts);
    }
}
