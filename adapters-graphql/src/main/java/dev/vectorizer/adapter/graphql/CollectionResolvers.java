package dev.vectorizer.adapter.graphql;

import static dev.vectorizer.adapter.graphql.Arguments.body;
import static dev.vectorizer.adapter.graphql.Arguments.tenant;

import dev.vectorizer.application.port.in.CreateCollectionUseCase;
import dev.vectorizer.application.port.in.DeleteCollectionUseCase;
import dev.vectorizer.application.port.in.GetCollectionQuery;
import dev.vectorizer.application.port.in.ListCollectionsQuery;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.json.CollectionJson;
import dev.vectorizer.domain.json.JsonFields;
import graphql.schema.idl.RuntimeWiring;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** {@code collections}, {@code collection}, {@code createCollection}, {@code deleteCollection}. */
@Dependent
class CollectionResolvers {

    private final ListCollectionsQuery list;
    private final GetCollectionQuery get;
    private final CreateCollectionUseCase create;
    private final DeleteCollectionUseCase delete;

    @Inject
    CollectionResolvers(ListCollectionsQuery list, GetCollectionQuery get, CreateCollectionUseCase create, DeleteCollectionUseCase delete) {
        this.list = list;
        this.get = get;
        this.create = create;
        this.delete = delete;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("collections", field -> list.list(tenant(field)).stream().map(CollectionJson::info).toList())
                .dataFetcher("collection", field -> CollectionJson.info(get.get(tenant(field), new CollectionName(field.getArgument("name"))))));
        wiring.type("Mutation", type -> type
                .dataFetcher("createCollection", field -> {
                    JsonFields request = body(field);
                    return CollectionJson.created(create.create(tenant(field), CollectionJson.name(request), CollectionJson.spec(request)));
                })
                .dataFetcher("deleteCollection", field -> {
                    delete.delete(tenant(field), new CollectionName(field.getArgument("name")));
                    return true;
                }));
    }
}
