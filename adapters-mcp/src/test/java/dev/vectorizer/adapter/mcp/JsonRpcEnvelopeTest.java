package dev.vectorizer.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.domain.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRpcEnvelopeTest {

    private static JsonRpcEnvelope.Verdict verdict(String message) {
        return JsonRpcEnvelope.verdict(message.getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON-RPC error a refusal answers with. */
    private static String refusal(String message) {
        return Json.write(((JsonRpcEnvelope.Refuse) verdict(message)).error());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_collections\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"search\",\"arguments\":{\"collection\":\"c\"},\"_meta\":{\"progressToken\":1}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"search\",\"arguments\":null}}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/list\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"tools/list\",\"params\":{\"cursor\":\"x\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{\"roots\":{\"listChanged\":true},\"sampling\":{},\"elicitation\":{\"form\":{}}},\"clientInfo\":{\"name\":\"c\",\"version\":\"1\",\"icons\":[]}}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":1}}"})
    void aMessageTheTransportCanTakeOrRefusesItselfIsPassedOn(String message) {
        assertThat(verdict(message)).isEqualTo(new JsonRpcEnvelope.Pass());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/roots/list_changed\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/roots/list_changed\",\"params\":{}}"})
    void aNotificationThisServerHasNoUseForIsAcknowledgedOnly(String message) {
        assertThat(verdict(message)).isEqualTo(new JsonRpcEnvelope.Acknowledge());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"jsonrpc\":\"2.0\",\"id\":639,\"method\":\"tools/call\",\"params\":\"x\"}|{\"jsonrpc\":\"2.0\",\"id\":639,\"error\":{\"code\":-32602,\"message\":\"Invalid params: params must be an object\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":[1]}|{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32602,\"message\":\"Invalid params: params must be an object\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"search\",\"arguments\":1.5}}|{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32602,\"message\":\"Invalid params: arguments must be an object\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"search\",\"arguments\":[]}}|{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32602,\"message\":\"Invalid params: arguments must be an object\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"arguments\":{}}}|{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32602,\"message\":\"Invalid params: tools/call needs the tool's name as a string\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":{}}}|{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32602,\"message\":\"Invalid params: tools/call needs the tool's name as a string\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"search\",\"_meta\":5}}|{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32602,\"message\":\"Invalid params: _meta must be an object\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":\"nope\",\"clientInfo\":{}}}|{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Invalid params: capabilities must be an object\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{\"roots\":{\"listChanged\":\"yes\"}}}}|{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Invalid params: capabilities.roots.listChanged must be a boolean\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"clientInfo\":{\"name\":{},\"version\":\"1\"}}}|{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Invalid params: clientInfo.name must be a string\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":5}}|{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Invalid params: protocolVersion must be a string\"}}",
        "{\"jsonrpc\":\"<script>\",\"id\":1,\"method\":\"ping\"}|{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: jsonrpc must be \\\"2.0\\\"\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}|{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: method must be a string\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":558,\"method\":\"tools/call\"}|{\"jsonrpc\":\"2.0\",\"id\":558,\"error\":{\"code\":-32602,\"message\":\"Invalid params: tools/call needs params\"}}",
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]|{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: a message is one JSON object (no batches)\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"ping\"}|{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: id must be a string or an integer\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}|{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: id must be a string or an integer\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":1e3,\"method\":\"ping\"}|{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: id must be a string or an integer\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}|{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: id must be a string or an integer\"}}"})
    void aBrokenEnvelopeIsAnsweredWithItsJsonRpcError(String message, String answer) {
        assertThat(refusal(message)).isEqualTo(answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}}", "{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32600,\"message\":\"x\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{},\"error\":{}}", "{\"jsonrpc\":\"2.0\",\"id\":3}"})
    void aResponseAnswersNothingThisServerAskedAndIsRefused(String message) {
        assertThat(refusal(message)).isEqualTo(
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid Request: a message needs a method (this server sends no requests, so it takes no responses)\"}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{\"jsonrpc\":0.1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111}"})
    void jsonTheApisCodecRefusesIsAParseError(String message) {
        assertThat(refusal(message)).startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700");
    }
}
