package dev.vectorizer.adapter.rest;

import dev.vectorizer.application.port.in.CreateCollectionUseCase;
import dev.vectorizer.application.port.in.DeleteCollectionUseCase;
import dev.vectorizer.application.port.in.GetCollectionQuery;
import dev.vectorizer.application.port.in.ListCollectionsQuery;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.json.CollectionJson;
import dev.vectorizer.domain.json.JsonFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.util.Map;

@Path("api/collections")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CollectionsResource {

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
    public Map<String, Object> list() {
        return CollectionJson.list(list.list(caller.tenant()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JsonFields body) {
        Collection created = create.create(caller.tenant(), CollectionJson.name(body), CollectionJson.spec(body));
        return Response.created(UriBuilder.fromPath("/api/collections/{name}").build(created.ref().name().value()))
                .entity(CollectionJson.created(created)).build();
    }

    @GET
    @Path("{name}")
    public Map<String, Object> get(@PathParam("name") String name) {
        return CollectionJson.info(get.get(caller.tenant(), new CollectionName(name)));
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        delete.delete(caller.tenant(), new CollectionName(name));
        return Response.noContent().build();
    }
}
