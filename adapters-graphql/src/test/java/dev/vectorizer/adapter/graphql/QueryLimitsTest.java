package dev.vectorizer.adapter.graphql;

import static dev.vectorizer.adapter.graphql.GraphQLEngineTest.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.search.ScrollPage;
import graphql.ExecutionResult;
import graphql.introspection.IntrospectionQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Abusive documents are refused with a coded GraphQL error before any use case runs. */
class QueryLimitsTest {

    /** Every use case fails the test if called: none may run for a refused document. */
    private final GraphQLEngine engine = new StubPorts().engine(true);

    private ExecutionResult run(String query, boolean queriesOnly) {
        return engine.execute(new GraphQLRequest(query, null, Map.of(), Map.of()), ACME, queriesOnly);
    }

    private String refusal(String query) {
        ExecutionResult result = run(query, false);
        assertThat(result.isDataPresent()).as("refused before execution").isFalse();
        assertThat(result.getErrors()).singleElement().extracting(ErrorCodes::code).isEqualTo("VALIDATION_ERROR");
        return result.getErrors().getFirst().getMessage();
    }

    @Test
    void theStandardIntrospectionQueryIsWithinEveryLimit() {
        ExecutionResult result = run(IntrospectionQuery.INTROSPECTION_QUERY, true);
        assertThat(result.getErrors()).isEmpty();
        assertThat(Json.write(result.getData())).contains("\"name\":\"hybridSearch\"");
    }

    @Test
    void tooDeep() {
        String deep = "{ __type(name: \"Query\") { fields { type { " + "ofType { ".repeat(13) + "name" + " }".repeat(16) + " }";
        assertThat(refusal(deep)).contains("fields deep");
    }

    @Test
    void tooCostly() {
        String page = "vectors(collection: \"c\", limit: 1000) { vectors { id payload vector } next_cursor }";
        assertThat(refusal("{ a: " + page + " b: " + page + " }")).as("2 × 5001").contains("costs 10002");
        assertThat(refusal("{ search(collection: \"c\", text: \"t\", limit: 2147483647) { id } }")).as("no overflow").contains("costs");
    }

    @Test
    void tooManyAliasesAlsoThroughFragmentsSpreadManyTimes() {
        String aliases = IntStream.range(0, QueryLimits.MAX_ALIASES + 1).mapToObj(i -> "a" + i + ": __typename").collect(Collectors.joining(" "));
        assertThat(refusal("{ " + aliases + " }")).contains("aliases");

        String fragment = "fragment F on Collection { " + IntStream.range(0, 8).mapToObj(i -> "n" + i + ": name").collect(Collectors.joining(" ")) + " } ";
        String spreads = IntStream.range(0, 4).mapToObj(i -> "c" + i + ": collection(name: \"x\") { ...F }").collect(Collectors.joining(" "));
        assertThat(refusal(fragment + "{ " + spreads + " }")).as("4 × 8 + 4 aliases").contains("36 aliases");
    }

    @Test
    void tooLongDocuments() {
        assertThat(refusal("{ __typename " + " ".repeat(QueryLimits.MAX_DOCUMENT_CHARACTERS) + "}")).contains("characters");
        String tokens = "{ search(collection: \"c\", vector: [" + "1,".repeat(QueryLimits.MAX_TOKENS) + "1]) { id } }";
        assertThat(refusal(tokens)).contains("tokens");
    }

    @Test
    void mutationsOverGetAreRefusedUnrun() {
        ExecutionResult result = run("mutation { deleteCollection(name: \"docs\") }", true);
        assertThat(result.isDataPresent()).isFalse();
        assertThat(result.getErrors()).singleElement().extracting(ErrorCodes::code).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void theLargestPageAndAsManySearchesAsAliasesAreAllowed() {
        StubPorts ports = new StubPorts();
        ports.scroll = (caller, name, request) -> new ScrollPage(List.of(), Optional.empty());
        ports.search = StubPorts.searching(request -> List.of());
        GraphQLEngine answering = ports.engine(true);
        List<String> withinLimits = List.of(
                "{ vectors(collection: \"c\", limit: 1000) { vectors { id payload vector } next_cursor } }",
                "{ " + IntStream.range(0, QueryLimits.MAX_ALIASES).mapToObj(i -> "s" + i + ": search(collection: \"c\", text: \"t\") { id score payload }")
                        .collect(Collectors.joining(" ")) + " }");
        for (String query : withinLimits) {
            assertThat(answering.execute(new GraphQLRequest(query, null, Map.of(), Map.of()), ACME, true).getErrors()).as(query).isEmpty();
        }
    }
}
