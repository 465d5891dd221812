package dev.vectorizer.adapter.mcp;

import static dev.vectorizer.adapter.mcp.CollectionTools.collection;
import static dev.vectorizer.adapter.mcp.Schema.COLLECTION;
import static dev.vectorizer.adapter.mcp.Schema.PAYLOAD;
import static dev.vectorizer.adapter.mcp.Schema.STORED_VECTOR;
import static dev.vectorizer.adapter.mcp.Schema.TEXT;
import static dev.vectorizer.adapter.mcp.Schema.VECTOR;
import static dev.vectorizer.adapter.mcp.Schema.VECTOR_ID;
import static dev.vectorizer.adapter.mcp.Schema.array;
import static dev.vectorizer.adapter.mcp.Schema.described;
import static dev.vectorizer.adapter.mcp.Schema.object;
import static dev.vectorizer.adapter.mcp.Schema.optional;
import static dev.vectorizer.adapter.mcp.Schema.required;
import static dev.vectorizer.adapter.mcp.Schema.type;

import dev.vectorizer.application.port.in.DeleteVectorsUseCase;
import dev.vectorizer.application.port.in.GetVectorQuery;
import dev.vectorizer.application.port.in.InsertTextUseCase;
import dev.vectorizer.application.port.in.UpsertVectorsUseCase;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.json.JsonFields;
import dev.vectorizer.domain.json.TextJson;
import dev.vectorizer.domain.json.VectorJson;
import dev.vectorizer.domain.tenant.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** The tools that write, read and delete vectors and text, as {@code /api/collections/{name}/...} offers them. */
@ApplicationScoped
class VectorTools {

    private static final Map<String, Object> UPSERTED = object(required("upserted", type("integer")));

    @Inject
    UpsertVectorsUseCase upsert;
    @Inject
    GetVectorQuery get;
    @Inject
    DeleteVectorsUseCase delete;
    @Inject
    InsertTextUseCase insertText;

    List<Tool> tools() {
        return List.of(
                new Tool("insert_text", "Store a text document so that it can be found by meaning and by keywords: the text is split "
                        + "into chunks, each embedded by the server's model and stored as the vector <id>#<n> with payload fields "
                        + "text, document_id and chunk. Inserting the same id again replaces the document. The collection must "
                        + "have dimension 384.",
                        object(required("collection", COLLECTION),
                                required("id", described(type("string"), "Id of the document, 1..252 characters")),
                                required("text", described(TEXT, "The document's text, at most 1,000,000 characters")),
                                optional("payload", PAYLOAD)),
                        object(required("ids", array(type("string")))), Tool.Effect.REPLACE,
                        (caller, args) -> TextJson.inserted(insertText.insertText(caller, collection(args), TextJson.document(args)))),
                new Tool("insert_vectors", "Insert or replace (by id) a batch of up to 1,000 vectors, all or none; durable and searchable "
                        + "when the tool answers.",
                        object(required("collection", COLLECTION), required("vectors", array(object(
                                required("id", VECTOR_ID), required("vector", VECTOR), optional("payload", PAYLOAD))))),
                        UPSERTED, Tool.Effect.REPLACE,
                        (caller, args) -> VectorJson.upserted(upsert.upsert(caller, collection(args), VectorJson.batch(args)))),
                new Tool("get_vector", "One vector by id: its values and payload.",
                        object(required("collection", COLLECTION), required("id", VECTOR_ID)), STORED_VECTOR, Tool.Effect.READ,
                        (caller, args) -> VectorJson.write(get.get(caller, collection(args), id(args)))),
                new Tool("update_vector", "Replace the values and payload of the vector with this id (or create it).",
                        object(required("collection", COLLECTION), required("id", VECTOR_ID), required("vector", VECTOR), optional("payload", PAYLOAD)),
                        UPSERTED, Tool.Effect.REPLACE,
                        (caller, args) -> VectorJson.upserted(upsert.upsert(caller, collection(args), List.of(VectorJson.vector(id(args), args))))),
                new Tool("delete_vector", "Delete one vector by id; not found if there is none.",
                        object(required("collection", COLLECTION), required("id", VECTOR_ID)),
                        object(required("deleted", type("integer"))), Tool.Effect.DELETE, this::deleteOne));
    }

    private Map<String, Object> deleteOne(Caller.OfTenant caller, JsonFields args) {
        CollectionName name = collection(args);
        VectorId id = id(args);
        if (delete.delete(caller, name, List.of(id)) == 0) {
            throw NotFoundException.vector(name, id);
        }
        return VectorJson.deleted(1);
    }

    private static VectorId id(JsonFields args) {
        return new VectorId(args.string("id"));
    }
}
