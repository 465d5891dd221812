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
import jakarta.json.JsonValue;
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
@Path("api/collections")
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

    @POST
    @Path("{collection}/vectors")
    public Upserted upsertBatch(@PathParam("collection") String collection, JsonValue body) {
        JsonArray items = JsonFields.body(body).array("vectors");
        InvalidValueException.require(items.size() <= UpsertVectorsUseCase.MAX_BATCH,
                "at most " + UpsertVectorsUseCase.MAX_BATCH + " vectors per request, got " + items.size());
        List<Vector> vectors = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonFields item = JsonFields.of(items.get(i), "vectors[" + i + "]");
            vectors.add(vector(new VectorId(item.string("id")), item, "vectors[" + i + "]"));
        }
        return new Upserted(upsert.upsert(caller.tenant(), name(collection), vectors));
    }

    @GET
    @Path("{collection}/vectors/{id}")
    public VectorView get(@PathParam("collection") String collection, @PathParam("id") String id) {
        return VectorView.of(get.get(caller.tenant(), name(collection), new VectorId(id)));
    }

    @PUT
    @Path("{collection}/vectors/{id}")
    public Upserted put(@PathParam("collection") String collection, @PathParam("id") String id, JsonValue body) {
        return new Upserted(upsert.upsert(caller.tenant(), name(collection), List.of(vector(new VectorId(id), JsonFields.body(body), ""))));
    }

    @DELETE
    @Path("{collection}/vectors/{id}")
    public Response deleteOne(@PathParam("collection") String collection, @PathParam("id") String id) {
        VectorId vectorId = new VectorId(id);
        if (delete.delete(caller.tenant(), name(collection), List.of(vectorId)) == 0) {
            throw NotFoundException.vector(name(collection), vectorId);
        }
        return Response.noContent().build();
    }

    /** {@code {"ids":[...]}} or {@code {"filter":{...}}}. */
    @POST
    @Path("{collection}/vectors/delete")
    public Deleted deleteMany(@PathParam("collection") String collection, JsonValue body) {
        JsonFields json = JsonFields.body(body);
        InvalidValueException.require(json.has("ids") ^ json.has("filter"), "give either 'ids' or 'filter'");
        if (json.has("filter")) {
            return new Deleted(delete.deleteMatching(caller.tenant(), name(collection), FilterJson.fromJson(json.required("filter"))));
        }
        return new Deleted(delete.delete(caller.tenant(), name(collection), json.strings("ids").stream().map(VectorId::new).toList()));
    }

    @POST
    @Path("{collection}/insert_text")
    public InsertedText insertText(@PathParam("collection") String collection, JsonValue body) {
        JsonFields json = JsonFields.body(body);
        Payload payload = json.value("payload").map(p -> PayloadJson.fromJson(p, "payload")).orElse(Payload.EMPTY);
        TextDocument document = new TextDocument(json.string("id"), json.string("text"), payload);
        return new InsertedText(insertText.insertText(caller.tenant(), name(collection), document).stream().map(VectorId::value).toList());
    }

    private static CollectionName name(String collection) {
        return new CollectionName(collection);
    }

    private static Vector vector(VectorId id, JsonFields json, String where) {
        Payload payload = json.value("payload").map(p -> PayloadJson.fromJson(p, where.isEmpty() ? "payload" : where + ".payload"))
                .orElse(Payload.EMPTY);
        return new Vector(id, json.vector("vector"), payload);
    }
}
