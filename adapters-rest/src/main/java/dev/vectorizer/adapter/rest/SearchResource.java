package dev.vectorizer.adapter.rest;

import dev.vectorizer.adapter.rest.json.FilterJson;
import dev.vectorizer.adapter.rest.json.JsonFields;
import dev.vectorizer.adapter.rest.view.HitView;
import dev.vectorizer.adapter.rest.view.VectorView;
import dev.vectorizer.application.port.in.HybridSearchQuery;
import dev.vectorizer.application.port.in.ScrollVectorsQuery;
import dev.vectorizer.application.port.in.SearchVectorsQuery;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.Fusion;
import dev.vectorizer.domain.search.HybridRequest;
import dev.vectorizer.domain.search.ScrollPage;
import dev.vectorizer.domain.search.ScrollRequest;
import dev.vectorizer.domain.search.SearchRequest;
import dev.vectorizer.domain.search.VectorQuery;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;

/** Searching one collection: by vector or text, hybrid, and scrolling through it. */
@Path("api/collections")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SearchResource {

    public record Results(List<HitView> results) {
    }

    public record Page(List<VectorView> vectors, String nextCursor) {
    }

    @Inject
    CurrentCaller caller;
    @Inject
    SearchVectorsQuery search;
    @Inject
    HybridSearchQuery hybrid;
    @Inject
    ScrollVectorsQuery scroll;

    /** {@code {"vector":[..]} or {"text":".."}}, plus limit, ef, filter, with_payload, with_vector. */
    @POST
    @Path("{collection}/search")
    public Results search(@PathParam("collection") String collection, JsonValue body) {
        JsonFields json = JsonFields.body(body);
        InvalidValueException.require(json.has("vector") ^ json.has("text"), "give either 'vector' or 'text'");
        SearchRequest.Target target = json.has("vector")
                ? new SearchRequest.Target.Dense(json.vector("vector"))
                : new SearchRequest.Target.Text(json.string("text"));
        SearchRequest request = new SearchRequest(target, json.integer("limit", VectorQuery.DEFAULT_LIMIT),
                json.integer("ef", VectorQuery.DEFAULT_EF), filter(json), json.bool("with_payload", true), json.bool("with_vector", false));
        return new Results(search.search(caller.tenant(), name(collection), request).stream().map(HitView::of).toList());
    }

    /** {@code {"text":"..", "vector":[..]?, "fusion":"rrf"|"weighted", "rrf_k":60, "alpha":0.5}} plus the search options. */
    @POST
    @Path("{collection}/search/hybrid")
    public Results hybrid(@PathParam("collection") String collection, JsonValue body) {
        JsonFields json = JsonFields.body(body);
        String fusionName = json.optionalString("fusion").orElse("rrf");
        Fusion fusion = switch (fusionName) {
            case "rrf" -> new Fusion.ReciprocalRank(json.integer("rrf_k", Fusion.ReciprocalRank.DEFAULT.k()));
            case "weighted" -> new Fusion.Weighted(json.number("alpha").orElse(0.5));
            default -> throw new InvalidValueException("unknown fusion '" + fusionName + "' (expected rrf or weighted)");
        };
        HybridRequest request = new HybridRequest(json.string("text"), json.optionalVector("vector"),
                json.integer("limit", VectorQuery.DEFAULT_LIMIT), json.integer("ef", VectorQuery.DEFAULT_EF), filter(json), fusion,
                json.bool("with_payload", true), json.bool("with_vector", false));
        return new Results(hybrid.hybridSearch(caller.tenant(), name(collection), request).stream().map(HitView::of).toList());
    }

    /** {@code {"limit":100, "cursor":"<id>", "filter":{..}, "with_vector":false}}. */
    @POST
    @Path("{collection}/scroll")
    public Page scroll(@PathParam("collection") String collection, JsonValue body) {
        JsonFields json = JsonFields.body(body);
        boolean withVector = json.bool("with_vector", false);
        ScrollPage page = scroll.scroll(caller.tenant(), name(collection), new ScrollRequest(filter(json),
                json.integer("limit", 100), json.optionalString("cursor").map(VectorId::new)));
        return new Page(page.vectors().stream()
                .map(VectorView::of)
                .map(v -> withVector ? v : new VectorView(v.id(), null, v.payload()))
                .toList(), page.next().map(VectorId::value).orElse(null));
    }

    private static CollectionName name(String collection) {
        return new CollectionName(collection);
    }

    private static Optional<Filter> filter(JsonFields json) {
        return json.value("filter").map(FilterJson::fromJson);
    }
}
