package dev.vectorizer.adapter.rest;

import dev.vectorizer.application.port.in.HybridSearchQuery;
import dev.vectorizer.application.port.in.ScrollVectorsQuery;
import dev.vectorizer.application.port.in.SearchVectorsQuery;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.json.JsonFields;
import dev.vectorizer.domain.json.SearchJson;
import dev.vectorizer.domain.search.ScrollRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * Searching one collection: by vector or text (one search or a batch), hybrid, and scrolling through it.
 */
@Path("api/collections")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    CurrentCaller caller;
    @Inject
    SearchVectorsQuery search;
    @Inject
    HybridSearchQuery hybrid;
    @Inject
    ScrollVectorsQuery scroll;

    @POST
    @Path("{collection}/search")
    public Map<String, Object> search(@PathParam("collection") String collection, JsonFields body) {
        return SearchJson.results(search.search(caller.tenant(), new CollectionName(collection), SearchJson.search(body)));
    }

    @POST
    @Path("{collection}/search/batch")
    public Map<String, Object> searchBatch(@PathParam("collection") String collection, JsonFields body) {
        return SearchJson.batchResults(search.searchBatch(caller.tenant(), new CollectionName(collection), SearchJson.searchBatch(body)));
    }

    @POST
    @Path("{collection}/search/hybrid")
    public Map<String, Object> hybrid(@PathParam("collection") String collection, JsonFields body) {
        return SearchJson.hybridResults(hybrid.hybridSearch(caller.tenant(), new CollectionName(collection), SearchJson.hybrid(body)));
    }

    @POST
    @Path("{collection}/scroll")
    public Map<String, Object> scroll(@PathParam("collection") String collection, JsonFields body) {
        ScrollRequest request = SearchJson.scroll(body);
        return SearchJson.page(scroll.scroll(caller.tenant(), new CollectionName(collection), request), request);
    }
}
