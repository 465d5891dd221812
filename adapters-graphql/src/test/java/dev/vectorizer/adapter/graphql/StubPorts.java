package dev.vectorizer.adapter.graphql;

import dev.vectorizer.application.port.in.CreateCollectionUseCase;
import dev.vectorizer.application.port.in.DeleteCollectionUseCase;
import dev.vectorizer.application.port.in.DeleteVectorsUseCase;
import dev.vectorizer.application.port.in.GetCollectionQuery;
import dev.vectorizer.application.port.in.GetVectorQuery;
import dev.vectorizer.application.port.in.HybridSearchQuery;
import dev.vectorizer.application.port.in.InsertTextUseCase;
import dev.vectorizer.application.port.in.ListCollectionsQuery;
import dev.vectorizer.application.port.in.ScrollVectorsQuery;
import dev.vectorizer.application.port.in.SearchVectorsQuery;
import dev.vectorizer.application.port.in.UpdatePayloadUseCase;
import dev.vectorizer.application.port.in.UpsertVectorsUseCase;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.SearchRequest;
import dev.vectorizer.domain.tenant.Caller;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The use cases an engine under test calls: each answers as a test sets it, and fails the test if
 * it is called unexpectedly. (The real ones, with their rules, run in the end-to-end tests.)
 */
final class StubPorts {

    ListCollectionsQuery list = c -> unexpected();
    GetCollectionQuery get = (c, n) -> unexpected();
    CreateCollectionUseCase create = (c, n, s) -> unexpected();
    DeleteCollectionUseCase delete = (c, n) -> unexpected();
    GetVectorQuery getVector = (c, n, id) -> unexpected();
    UpsertVectorsUseCase upsert = (c, n, v) -> unexpected();
    DeleteVectorsUseCase deleteVectors = new DeleteVectorsUseCase() {
        @Override
        public long delete(Caller.OfTenant caller, CollectionName collection, List<VectorId> ids) {
            return unexpected();
        }

        @Override
        public long deleteMatching(Caller.OfTenant caller, CollectionName collection, Filter filter) {
            return unexpected();
        }
    };
    UpdatePayloadUseCase updatePayload = (c, n, id, p) -> unexpected();
    InsertTextUseCase insertText = (c, n, d) -> unexpected();
    SearchVectorsQuery search = (c, n, r) -> unexpected();
    HybridSearchQuery hybrid = (c, n, r) -> unexpected();
    ScrollVectorsQuery scroll = (c, n, r) -> unexpected();

    /** A search use case answering each search of a batch with {@code one}. */
    static SearchVectorsQuery searching(Function<SearchRequest, List<ScoredPoint>> one) {
        return (caller, name, requests) -> requests.stream().map(one).toList();
    }

    static <T> T unexpected() {
        throw new AssertionError("use case not expected to be called");
    }

    GraphQLEngine engine(boolean introspection) {
        return new GraphQLEngine(new CollectionResolvers(list, get, create, delete),
                new VectorResolvers(getVector, upsert, deleteVectors, updatePayload, insertText),
                new SearchResolvers(search, hybrid, scroll), introspection);
    }

    /** Runs a request (variables as JSON text, may be null) and gives the answer as JSON text. */
    static String run(GraphQLEngine engine, Caller caller, String query, String variables) {
        @SuppressWarnings("unchecked")
        Map<String, Object> vars = variables == null ? Map.of() : (Map<String, Object>) Json.parse(variables);
        return Json.write(engine.execute(new GraphQLRequest(query, null, vars, Map.of()), caller, false).toSpecification());
    }
}
