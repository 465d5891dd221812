package dev.vectorizer.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.domain.json.Json;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The transport takes the message admission parsed, and parses it itself only where it would read it otherwise. */
class AdmittedMessagesTest {

    private static final TypeRef<HashMap<String, Object>> MESSAGE = new TypeRef<>() {
    };
    private final McpJsonMapper json = new AdmittedMessages(new JacksonMcpJsonMapper(JsonMapper.builder().build()));

    private static JsonRpcEnvelope.Message admitted(String body) {
        return (JsonRpcEnvelope.Message) JsonRpcEnvelope.read(body.getBytes(StandardCharsets.UTF_8));
    }

    /** What the transport's two parses of the body (as it reads it, then again) give while {@code message} is handed on. */
    private List<Object> readTwice(JsonRpcEnvelope.Message message, String body, String encoding) throws Exception {
        List<Object> read = new ArrayList<>();
        AdmittedMessages.handing(message, encoding, () -> {
            read.add(json.readValue(body, MESSAGE));
            read.add(json.readValue(body, MESSAGE));
        });
        return read;
    }

    @Test
    void theTransportTakesTheAdmittedTreeOnceInsteadOfParsingTheBodyAgain() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"list_collections\"}}";
        JsonRpcEnvelope.Message message = admitted(body);

        List<Object> read = readTwice(message, body, null);

        assertThat(read.getFirst()).isSameAs(message.tree());
        assertThat(read.getLast()).as("taken once; any later read is the SDK's own").isNotSameAs(message.tree());
        assertThat(Json.canonical(read.getLast())).isEqualTo(message.tree());
        assertThat(json.readValue(body, MESSAGE)).as("not outside the request's handling").isNotSameAs(message.tree());
    }

    @Test
    void aBodyTheTransportDecodesOtherwiseOrAnIdItWouldEchoOtherwiseIsParsedByTheTransport() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"ping\"}";
        JsonRpcEnvelope.Message utf8 = admitted(body);
        assertThat(readTwice(utf8, body, "utf8").getFirst()).as("UTF-8 by any of its names").isSameAs(utf8.tree());
        JsonRpcEnvelope.Message latin = admitted(body);
        assertThat(readTwice(latin, body, "ISO-8859-1").getFirst()).isNotSameAs(latin.tree()).isEqualTo(latin.tree());

        String hugeId = "{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,\"method\":\"ping\"}";
        JsonRpcEnvelope.Message message = admitted(hugeId);
        Object read = readTwice(message, hugeId, null).getFirst();
        assertThat(read).isNotSameAs(message.tree());
        assertThat(((HashMap<?, ?>) read).get("id")).hasToString("123456789012345678901234567890");
    }
}
