package dev.vectorizer.adapter.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.json.MalformedJsonException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the HTTP side accepts: the media types answered and read, and a request's parameters. */
class HttpParametersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "none | JSON",
        "*/* | JSON",
        "application/json | JSON",
        "application/graphql-response+json | GRAPHQL_RESPONSE",
        "application/graphql-response+json, application/json;q=0.9 | GRAPHQL_RESPONSE",
        "application/json, application/graphql-response+json | JSON",
        "application/json;q=0.5, application/graphql-response+json | GRAPHQL_RESPONSE",
        "application/*;q=0.8, application/json;q=0.1 | GRAPHQL_RESPONSE",
        "text/html, */*;q=0.1 | JSON",
        "application/json;q=0, */* | GRAPHQL_RESPONSE"})
    void answersUseTheAcceptedType(String accept, MediaTypes expected) {
        assertThat(MediaTypes.negotiate(accept)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "application/xml, text/*", "application/json;q=0, application/graphql-response+json;q=0",
        ";", ";;", ",;,", " ; q=1", "application/json;q=NaN", "application/json;q=Infinity", "application/json;q=1.5", "*/*;q=-1"})
    void neitherAcceptedIsNotAcceptable(String accept) {
        assertThat(MediaTypes.negotiate(accept)).isEmpty();
    }

    @Test
    void aBodyNeedsAStringQueryAndObjectsOrNullForTheRest() {
        GraphQLRequest request = body("{\"query\":\"{ a }\",\"operationName\":null,\"variables\":{\"x\":1},\"extensions\":null}");
        assertThat(request).isEqualTo(new GraphQLRequest("{ a }", null, Map.of("x", 1L), Map.of()));

        assertThatThrownBy(() -> body("")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> body("{ \"not a JSON")).isInstanceOf(MalformedJsonException.class);
        assertThatThrownBy(() -> body("[]")).isInstanceOf(MalformedJsonException.class);
        for (String invalid : new String[] {"{\"qeury\":\"{ a }\"}", "{\"query\":0}", "{\"query\":{}}", "{\"query\":\"{ a }\",\"operationName\":1}",
            "{\"query\":\"{ a }\",\"variables\":\"x\"}", "{\"query\":\"{ a }\",\"extensions\":[]}"}) {
            assertThatThrownBy(() -> body(invalid)).as(invalid).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void aQueryStringCarriesVariablesAsJsonText() {
        Map<String, String> parameters = Map.of("query", "query Q($n: String) { a }", "variables", "{\"n\":\"x\"}");
        assertThat(GraphQLRequest.fromParameters(parameters::get))
                .isEqualTo(new GraphQLRequest("query Q($n: String) { a }", null, Map.of("n", "x"), Map.of()));
        assertThatThrownBy(() -> GraphQLRequest.fromParameters(Map.of("variables", "{}")::get)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> GraphQLRequest.fromParameters(Map.of("query", "{ a }", "variables", "[1]")::get))
                .isInstanceOf(InvalidValueException.class);
        assertThat(Optional.of(GraphQLRequest.fromParameters(Map.of("query", "{ a }")::get))).map(GraphQLRequest::variables).contains(Map.of());
    }

    private static GraphQLRequest body(String json) {
        return GraphQLRequest.fromBody(json.getBytes(StandardCharsets.UTF_8));
    }
}
