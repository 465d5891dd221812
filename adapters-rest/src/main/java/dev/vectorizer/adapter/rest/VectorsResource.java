package dev.vectorizer.adapter.rest;

import dev.vectorizer.adapter.rest.json.FilterJson;
import dev.vectorizer.adapter.rest.json.JsonFields;
import dev.vectorizer.adapter.rest.json.PayloadJson;
import dev.vectorizer.adapter.rest.view.VectorView;
import dev.vectorizer.application.port.in.DeleteVectorsUseCase;
import dev.vectorizer.application.port.in.GetVectorQuery;
import dev.vectorizer.application.port.in.InsertTextUseCase;
import dev.vectorizer.application.port.in.UpsertVectorsUseCase;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.TextDocument;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
import java.util.ArrayList;
import java.util.List;

/** Writing, reading and deleting the vectors of one collection. */
@Path("api/collections/{collection}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VectorsResource {

    public record Upserted(int upserted) {
    }

    public record Deleted(long deleted) {
    }

    public record InsertedText(List<String> ids) {
    }

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

    @PathParam("collection")
    String collection;

    @POST
    @Path("vectors")
    public Upserted upsertBatch(JsonObject body) {
        JsonArray items = JsonFields.body(body).array("vectors");
        InvalidValueException.require(items.size() <= UpsertVectorsUseCase.MAX_BATCH,
                "at most " + UpsertVectorsUseCase.MAX_BATCH + " vectors per request, got " + items.size());
        List<Vector> vectors = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonFields item = JsonFields.of(items.get(i), "vectors[" + i + "]");
            vectors.add(vector(new VectorId(item.string("id")), item, "vectors[" + i + "]"));
        }
        return new Upserted(upsert.upsert(caller.tenant(), name(), vectors));
    }

    @GET
    @Path("vectors/{id}")
    public VectorView get(@PathParam("id") String id) {
        return VectorView.of(get.get(caller.tenant(), name(), new VectorId(id)));
    }

    @PUT
    @Path("vectors/{id}")
    public Upserted put(@PathParam("id") String id, JsonObject body) {
        return new Upserted(upsert.upsert(caller.tenant(), name(), List.of(vector(new VectorId(id), JsonFields.body(body), ""))));
    }

    @DELETE
    @Path("vectors/{id}")
    public Response deleteOne(@PathParam("id") String id) {
        VectorId vectorId = new VectorId(id);
        if (delete.delete(caller.tenant(), name(), List.of(vectorId)) == 0) {
            throw NotFoundException.vector(name(), vectorId);
        }
        return Response.noContent().build();
    }

    /** {@code {"ids":[...]}} or {@code {"filter":{...}}}. */
    @POST
    @Path("vectors/delete")
    public Deleted deleteMany(JsonObject body) {
        JsonFields json = JsonFields.body(body);
        InvalidValueException.require(json.has("ids") ^ json.has("filter"), "give either 'ids' or 'filter'");
        if (json.has("filter")) {
            return new Deleted(delete.deleteMatching(caller.tenant(), name(), FilterJson.fromJson(json.required("filter"))));
        }
        return new Deleted(delete.delete(caller.tenant(), name(), json.strings("ids").stream().map(VectorId::new).toList()));
    }

    @POST
    @Path("insert_text")
    public InsertedText insertText(JsonObject body) {
        JsonFields json = JsonFields.body(body);
        Payload payload = json.value("payload").map(p -> PayloadJson.fromJson(p, "payload")).orElse(Payload.EMPTY);
        TextDocument document = new TextDocument(json.string("id"), json.string("text"), payload);
        return new InsertedText(insertText.insertText(caller.tenant(), name(), document).stream().map(VectorId::value).toList());
    }

    private CollectionName name() {
        return new CollectionName(collection);
    }

    private static Vector vector(VectorId id, JsonFields json, String where) {
        Payload payload = json.value("payload").map(p -> PayloadJson.fromJson(p, where.isEmpty() ? "payload" : where + ".payload"))
                .orElse(Payload.EMPTY);
        return new Vector(id, json.vector("vector"), payload);
    }
}
