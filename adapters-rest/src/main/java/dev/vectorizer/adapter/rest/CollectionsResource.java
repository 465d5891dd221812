package dev.vectorizer.adapter.rest;

import dev.vectorizer.adapter.rest.json.JsonFields;
import dev.vectorizer.adapter.rest.view.CollectionView;
import dev.vectorizer.application.port.in.CreateCollectionUseCase;
import dev.vectorizer.application.port.in.DeleteCollectionUseCase;
import dev.vectorizer.application.port.in.GetCollectionQuery;
import dev.vectorizer.application.port.in.ListCollectionsQuery;
import dev.vectorizer.domain.CollectionInfo;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.CollectionStats;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Quantization;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;

@Path("api/collections")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CollectionsResource {

    public record CollectionList(List<CollectionView> collections) {
    }

    @Inject
    CurrentCaller caller;
    @Inject
    CreateCollectionUseCase create;
    @Inject
    ListCollectionsQuery list;
    @Inject
    GetCollectionQuery get;
    @Inject
    DeleteCollectionUseCase delete;

    @GET
    public CollectionList list() {
        return new CollectionList(list.list(caller.tenant()).stream().map(CollectionView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonValue body) {
        JsonFields json = JsonFields.body(body);
        CollectionName name = new CollectionName(json.string("name"));
        HnswSettings hnsw = HnswSettings.DEFAULT;
        if (json.has("hnsw")) {
            JsonFields h = JsonFields.of(json.required("hnsw"), "hnsw");
            hnsw = new HnswSettings(h.integer("m", hnsw.m()), h.integer("ef_construction", hnsw.efConstruction()));
        }
        CollectionSpec spec = new CollectionSpec(json.integer("dimension", 0),
                Metric.parse(json.optionalString("metric").orElse("cosine")), hnsw,
                Quantization.parse(json.optionalString("quantization").orElse("none")), json.optionalString("embedding_model"));
        var created = create.create(caller.tenant(), name, spec);
        return Response.created(UriBuilder.fromPath("/api/collections/{name}").build(name.value()))
                .entity(CollectionView.of(new CollectionInfo(created, new CollectionStats(0, 0)))).build();
    }

    @GET
    @Path("{name}")
    public CollectionView get(@PathParam("name") String name) {
        return CollectionView.of(get.get(caller.tenant(), new CollectionName(name)));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        delete.delete(caller.tenant(), new CollectionName(name));
        return Response.noContent().build();
    }
}
