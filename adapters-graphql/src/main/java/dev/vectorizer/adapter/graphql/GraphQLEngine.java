package dev.vectorizer.adapter.graphql;

import dev.vectorizer.domain.tenant.Caller;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.introspection.Introspection;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The executable schema ({@code vectorizer.graphqls} wired to the resolvers) and how one request
 * runs on it: as which caller, within {@link QueryLimits}, with introspection as configured
 * ({@code vectorizer.graphql.introspection}), every error coded ({@link ErrorCodes}).
 */
@Dependent
class GraphQLEngine {

    /** The schema's enums, whose values are the REST API's values in upper case. */
    private static final List<String> ENUMS = List.of("Metric", "Quantization", "Fusion", "HitSource");

    private final GraphQL graphQL;
    private final boolean introspection;

    @Inject
    GraphQLEngine(CollectionResolvers collections, VectorResolvers vectors, SearchResolvers search,
            @ConfigProperty(name = "vectorizer.graphql.introspection") boolean introspection) {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().scalar(Scalars.JSON).scalar(Scalars.LONG);
        ENUMS.forEach(name -> wiring.type(TypeRuntimeWiring.newTypeWiring(name).enumValues(value -> value.toLowerCase(Locale.ROOT))));
        collections.wire(wiring);
        vectors.wire(wiring);
        search.wire(wiring);
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(schemaText()), wiring.build());
        this.graphQL = GraphQL.newGraphQL(schema).instrumentation(QueryLimits.instrumentation())
                .defaultDataFetcherExceptionHandler(new ErrorCodes()).build();
        this.introspection = introspection;
    }

    /** Runs a request for {@code caller}; {@code queriesOnly} refuses mutations (a GET). */
    ExecutionResult execute(GraphQLRequest request, Caller caller, boolean queriesOnly) {
        ExecutionInput input = ExecutionInput.newExecutionInput().query(request.query()).operationName(request.operationName())
                .variables(request.variables()).extensions(request.extensions())
                .graphQLContext(Map.of(Caller.class, caller, ParserOptions.class, QueryLimits.PARSER,
                        Introspection.INTROSPECTION_DISABLED, !introspection, QueryLimits.QUERIES_ONLY, queriesOnly))
                .build();
        return ErrorCodes.coded(graphQL.execute(input));
    }

    private static String schemaText() {
        try (InputStream schema = GraphQLEngine.class.getResourceAsStream("vectorizer.graphqls")) {
            return new String(schema.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
