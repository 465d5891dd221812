package dev.vectorizer.adapter.graphql;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.json.JsonFields;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The parameters of a GraphQL-over-HTTP request: {@code query} (required), {@code operationName},
 * {@code variables} and {@code extensions} (objects; null counts as absent), from a JSON body or,
 * for GET, from the query string (where variables and extensions are JSON text). Anything else is
 * a 400, as the REST API answers a bad body.
 */
record GraphQLRequest(String query, String operationName, Map<String, Object> variables, Map<String, Object> extensions) {

    /** From a POST's JSON body (strictly parsed, as every JSON body). */
    static GraphQLRequest fromBody(byte[] utf8) {
        InvalidValueException.require(utf8.length > 0, "a GraphQL request needs a JSON body");
        JsonFields body = JsonFields.body(Json.parse(utf8));
        return new GraphQLRequest(body.string("query"), body.optionalString("operationName").orElse(null),
                object(body.value("variables"), "variables"), object(body.value("extensions"), "extensions"));
    }

    /** From a GET's query string, given as a lookup of parameters by name (null if absent). */
    static GraphQLRequest fromParameters(UnaryOperator<String> parameter) {
        String query = parameter.apply("query");
        InvalidValueException.require(query != null, "'query' is required");
        return new GraphQLRequest(query, parameter.apply("operationName"), json(parameter.apply("variables"), "variables"),
                json(parameter.apply("extensions"), "extensions"));
    }

    private static Map<String, Object> json(String text, String name) {
        return object(Optional.ofNullable(text).map(Json::parse), name);
    }

    @SuppressWarnings("unchecked") // a JSON object of the codec's tree
    private static Map<String, Object> object(Optional<Object> value, String name) {
        value.ifPresent(v -> InvalidValueException.require(v instanceof Map, "'" + name + "' must be a JSON object"));
        return (Map<String, Object>) value.orElse(Map.of());
    }
}
