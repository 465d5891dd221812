package dev.vectorizer.adapter.rest;

import dev.vectorizer.application.port.in.DeleteVectorsUseCase;
import dev.vectorizer.application.port.in.GetVectorQuery;
import dev.vectorizer.application.port.in.InsertTextUseCase;
import dev.vectorizer.application.port.in.UpsertVectorsUseCase;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.json.JsonFields;
import dev.vectorizer.domain.json.TextJson;
import dev.vectorizer.domain.json.VectorJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Writing, reading and deleting the vectors of one collection. */
@Path("api/collections")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VectorsResource {

    @Inject
    CurrentCaller caller;
    @Inject
    UpsertVectorsUseCase upsert;
    @Inject
    GetVectorQuery get;
    @Inject
    DeleteVectorsUseCase delete;
    @Inject
    InsertTextUseCase insertText;

    @POST
    @Path("{collection}/vectors")
    public Map<String, Object> upsertBatch(@PathParam("collection") String collection, JsonFields body) {
        return VectorJson.upserted(upsert.upsert(caller.tenant(), new CollectionName(collection), VectorJson.batch(body)));
    }

    @GET
    @Path("{collection}/vectors/{id}")
    public Map<String, Object> get(@PathParam("collection") String collection, @PathParam("id") String id) {
        return VectorJson.write(get.get(caller.tenant(), new CollectionName(collection), new VectorId(id)));
    }

    @PUT
    @Path("{collection}/vectors/{id}")
    public Map<String, Object> put(@PathParam("collection") String collection, @PathParam("id") String id, JsonFields body) {
        List<Vector> vector = List.of(VectorJson.vector(new VectorId(id), body));
        return VectorJson.upserted(upsert.upsert(caller.tenant(), new CollectionName(collection), vector));
    }

    @DELETE
    @Path("{collection}/vectors/{id}")
    public Response deleteOne(@PathParam("collection") String collection, @PathParam("id") String id) {
        CollectionName name = new CollectionName(collection);
        VectorId vectorId = new VectorId(id);
        if (delete.delete(caller.tenant(), name, List.of(vectorId)) == 0) {
            throw NotFoundException.vector(name, vectorId);
        }
        return Response.noContent().build();
    }

    /** {@code {"ids":[...]}} or {@code {"filter":{...}}}. */
    @POST
    @Path("{collection}/vectors/delete")
    public Map<String, Object> deleteMany(@PathParam("collection") String collection, JsonFields body) {
        CollectionName name = new CollectionName(collection);
        return VectorJson.deleted(switch (VectorJson.deletion(body)) {
            case VectorJson.Deletion.ById byId -> delete.delete(caller.tenant(), name, byId.ids());
            case VectorJson.Deletion.ByFilter byFilter -> delete.deleteMatching(caller.tenant(), name, byFilter.filter());
        });
    }

    @POST
    @Path("{collection}/insert_text")
    public Map<String, Object> insertText(@PathParam("collection") String collection, JsonFields body) {
        return TextJson.inserted(insertText.insertText(caller.tenant(), new CollectionName(collection), TextJson.document(body)));
    }
}
