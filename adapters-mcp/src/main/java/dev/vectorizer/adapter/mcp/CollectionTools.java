package dev.vectorizer.adapter.mcp;

import static dev.vectorizer.adapter.mcp.Schema.COLLECTION;
import static dev.vectorizer.adapter.mcp.Schema.COLLECTION_INFO;
import static dev.vectorizer.adapter.mcp.Schema.array;
import static dev.vectorizer.adapter.mcp.Schema.described;
import static dev.vectorizer.adapter.mcp.Schema.object;
import static dev.vectorizer.adapter.mcp.Schema.optional;
import static dev.vectorizer.adapter.mcp.Schema.required;
import static dev.vectorizer.adapter.mcp.Schema.type;

import dev.vectorizer.application.port.in.CreateCollectionUseCase;
import dev.vectorizer.application.port.in.DeleteCollectionUseCase;
import dev.vectorizer.application.port.in.GetCollectionQuery;
import dev.vectorizer.application.port.in.ListCollectionsQuery;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.json.CollectionJson;
import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.json.JsonFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The tools over a tenant's collections, as {@code /api/collections} offers them. */
@ApplicationScoped
class CollectionTools {

    @Inject
    ListCollectionsQuery list;
    @Inject
    CreateCollectionUseCase create;
    @Inject
    GetCollectionQuery get;
    @Inject
    DeleteCollectionUseCase delete;

    List<Tool> tools() {
        return List.of(
                new Tool("list_collections", "List the collections of your tenant, by name, with their settings and how many vectors they hold.",
                        object(), object(required("collections", array(COLLECTION_INFO))), Tool.Effect.READ,
                        (caller, args) -> CollectionJson.list(list.list(caller))),
                new Tool("create_collection", "Create an empty collection of vectors of one dimension and metric. To insert or search "
                        + "text, give dimension 384 and embedding_model all-minilm-l6-v2.",
                        object(required("name", COLLECTION),
                                required("dimension", described(type("integer"), "Number of values of every vector, 1..4096")),
                                optional("metric", Json.object("type", "string", "enum", List.of("cosine", "euclidean", "dot_product"),
                                        "description", "How closeness is scored (default cosine); scores are always higher-is-closer")),
                                optional("hnsw", described(object(optional("m", described(type("integer"), "2..512, default 16")),
                                        optional("ef_construction", described(type("integer"), "1..3200, default 200"))), "HNSW index settings")),
                                optional("quantization", Json.object("type", "string", "enum", List.of("none", "int8", "int4", "binary"),
                                        "description", "Compressed index (default none); full-precision vectors are kept for rescoring")),
                                optional("embedding_model", Json.object("type", "string", "enum", List.of("all-minilm-l6-v2"),
                                        "description", "Model that embeds inserted and searched text (dimension must be 384)"))),
                        COLLECTION_INFO, Tool.Effect.CREATE,
                        (caller, args) -> CollectionJson.created(create.create(caller, CollectionJson.name(args), CollectionJson.spec(args)))),
                new Tool("get_collection_info", "Settings and current size of one collection.",
                        object(required("collection", COLLECTION)), COLLECTION_INFO, Tool.Effect.READ,
                        (caller, args) -> CollectionJson.info(get.get(caller, collection(args)))),
                new Tool("get_collection_stats", "How many vectors one collection holds and how many bytes it takes.",
                        object(required("collection", COLLECTION)),
                        object(required("name", type("string")), required("vector_count", type("integer")), required("size_bytes", type("integer"))),
                        Tool.Effect.READ, (caller, args) -> CollectionJson.stats(get.get(caller, collection(args)))),
                new Tool("delete_collection", "Delete a collection with all its vectors. This cannot be undone.",
                        object(required("collection", COLLECTION)), object(required("name", type("string")), required("deleted", type("boolean"))),
                        Tool.Effect.DELETE, (caller, args) -> {
                            CollectionName name = collection(args);
                            delete.delete(caller, name);
                            return CollectionJson.deleted(name);
                        }));
    }

    /** The collection a tool works on: its {@code collection} argument (REST's path segment). */
    static CollectionName collection(JsonFields args) {
        return new CollectionName(args.string("collection"));
    }
}
