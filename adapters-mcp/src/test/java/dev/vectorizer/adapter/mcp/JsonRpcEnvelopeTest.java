package dev.vectorizer.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.domain.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRpcEnvelopeTest {

    private static Optional<String> refusal(String message) {
        return JsonRpcEnvelope.refusal(message.getBytes(StandardCharsets.UTF_8)).map(Json::write);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_collections\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/list\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}"}) // a response: the transport's to judge
    void aMessageTheTransportCanTakeOrRefusesItselfIsPassedOn(String message) {
        assertThat(refusal(message)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"jsonrpc\":\"2.0\",\"id\":639,\"method\":\"tools/call\",\"params\":\"x\"}|{\"jsonrpc\":\"2.0\",\"id\":639,\"error\":{\"code\":-32602,\"message\":\"Invalid params: params must be an object\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":[1]}|{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32602,\"message\":\"Invalid params: params must be an object\"}}",
        "{\"jsonrpc\":\"<script>\",\"id\":1,\"method\":\"ping\"}|{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: jsonrpc must be \\\"2.0\\\"\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}|{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: method must be a string\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":558,\"method\":\"tools/call\"}|{\"jsonrpc\":\"2.0\",\"id\":558,\"error\":{\"code\":-32602,\"message\":\"Invalid params: tools/call needs params\"}}",
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]|{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: a message is one JSON object (no batches)\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{},\"error\":{}}|{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: neither a request nor a response\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}|{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: id must be a string or a number\"}}"})
    void aBrokenEnvelopeIsAnsweredWithItsJsonRpcError(String message, String answer) {
        assertThat(refusal(message)).contains(answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"jsonrpc\":0.1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111}"})
    void jsonTheApisCodecRefusesIsAParseError(String message) {
        assertThat(refusal(message)).hasValueSatisfying(answer -> assertThat(answer).startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700"));
    }
}
