package dev.vectorizer.adapter.graphql;

import static dev.vectorizer.adapter.graphql.Arguments.body;
import static dev.vectorizer.adapter.graphql.Arguments.collection;
import static dev.vectorizer.adapter.graphql.Arguments.tenant;

import dev.vectorizer.application.port.in.DeleteVectorsUseCase;
import dev.vectorizer.application.port.in.GetVectorQuery;
import dev.vectorizer.application.port.in.InsertTextUseCase;
import dev.vectorizer.application.port.in.UpdatePayloadUseCase;
import dev.vectorizer.application.port.in.UpsertVectorsUseCase;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.json.PayloadJson;
import dev.vectorizer.domain.json.TextJson;
import dev.vectorizer.domain.json.VectorJson;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** {@code vector} and the vector mutations: upsert, delete, payload update, text insertion. */
@Dependent
class VectorResolvers {

    private final GetVectorQuery get;
    private final UpsertVectorsUseCase upsert;
    private final DeleteVectorsUseCase delete;
    private final UpdatePayloadUseCase updatePayload;
    private final InsertTextUseCase insertText;

    @Inject
    VectorResolvers(GetVectorQuery get, UpsertVectorsUseCase upsert, DeleteVectorsUseCase delete, UpdatePayloadUseCase updatePayload,
            InsertTextUseCase insertText) {
        this.get = get;
        this.upsert = upsert;
        this.delete = delete;
        this.updatePayload = updatePayload;
        this.insertText = insertText;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("vector", field -> VectorJson.write(get.get(tenant(field), collection(field), id(field)))));
        wiring.type("Mutation", type -> type
                .dataFetcher("upsertVectors", field -> upsert.upsert(tenant(field), collection(field), VectorJson.batch(body(field))))
                .dataFetcher("deleteVectors", field -> switch (VectorJson.deletion(body(field))) {
                    case VectorJson.Deletion.ById byId -> delete.delete(tenant(field), collection(field), byId.ids());
                    case VectorJson.Deletion.ByFilter byFilter -> delete.deleteMatching(tenant(field), collection(field), byFilter.filter());
                })
                .dataFetcher("updatePayload", field -> VectorJson.write(updatePayload.updatePayload(tenant(field), collection(field), id(field),
                        PayloadJson.read(field.getArgument("payload"), "payload"))))
                .dataFetcher("insertText", field -> TextJson.inserted(
                        insertText.insertText(tenant(field), collection(field), TextJson.document(body(field)))).get("ids")));
    }

    private static VectorId id(DataFetchingEnvironment field) {
        return new VectorId(field.getArgument("id"));
    }
}
