package dev.vectorizer.adapter.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The JSON mapper the SDK reads and writes messages with, which hands the transport the message
 * {@link McpAdmission} has parsed already (to check its envelope, {@link JsonRpcEnvelope}) instead
 * of letting it parse the body a second time: the transport reads a POST's body as text and parses
 * it into a map first thing, on the request's thread, and that parse is the one taken over. Every
 * other call goes to the SDK's own mapper.
 *
 * <p>A message is handed over only where the transport's own parse would give the same tree: the
 * body is decoded as UTF-8 (as the codec reads it) and its id, if any, is a string or a whole number
 * that fits a {@code long} (a larger one the transport would echo digit for digit, the codec as a
 * double). Anything else is parsed by the transport as before. One bound is the transport parser's
 * alone: it refuses an object key longer than 50,000 characters, which the codec (and so the REST
 * API) takes; such a key now reaches the tools' readers, which pass over fields they do not know.
 */
final class AdmittedMessages implements McpJsonMapper {

    /** The tree of the message the request on this thread carries, until the transport takes it. */
    private static final ThreadLocal<Map<?, ?>> ADMITTED = new ThreadLocal<>();

    private final McpJsonMapper json;

    AdmittedMessages(McpJsonMapper json) {
        this.json = json;
    }

    /** The transport's handling of one request, on the request's thread. */
    @FunctionalInterface
    interface Handling {
        void run() throws IOException, ServletException;
    }

    /**
     * Runs {@code handling} with {@code message}, the tree of the body the request carries (decoded
     * as {@code encoding} says), ready for the transport to take instead of parsing the body again.
     */
    static void handing(JsonRpcEnvelope.Message message, String encoding, Handling handling) throws IOException, ServletException {
        if (!decodedAsUtf8(encoding) || !echoedAlike(message.tree().get("id"))) {
            handling.run();
            return;
        }
        ADMITTED.set(message.tree());
        try {
            handling.run();
        } finally {
            ADMITTED.remove();
        }
    }

    private static boolean decodedAsUtf8(String encoding) {
        try {
            return encoding == null || Charset.forName(encoding).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static boolean echoedAlike(Object id) {
        return id == null || id instanceof String || id instanceof Long;
    }

    @Override
    public <T> T readValue(String content, TypeRef<T> type) throws IOException {
        Map<?, ?> admitted = ADMITTED.get();
        if (admitted != null && raw(type.getType()).isInstance(admitted)) {
            ADMITTED.remove();
            @SuppressWarnings("unchecked") // an instance of the type's raw class, whose values are the codec's JSON values
            T message = (T) admitted;
            return message;
        }
        return json.readValue(content, type);
    }

    private static Class<?> raw(Type type) {
        return switch (type) {
            case Class<?> plain -> plain;
            case ParameterizedType generic when generic.getRawType() instanceof Class<?> plain -> plain;
            default -> Void.class;
        };
    }

    @Override
    public <T> T readValue(String content, Class<T> type) throws IOException {
        return json.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, Class<T> type) throws IOException {
        return json.readValue(content, type);
    }

    @Override
    public <T> T readValue(byte[] content, TypeRef<T> type) throws IOException {
        return json.readValue(content, type);
    }

    @Override
    public <T> T convertValue(Object fromValue, Class<T> type) {
        return json.convertValue(fromValue, type);
    }

    @Override
    public <T> T convertValue(Object fromValue, TypeRef<T> type) {
        return json.convertValue(fromValue, type);
    }

    @Override
    public String writeValueAsString(Object value) throws IOException {
        return json.writeValueAsString(value);
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws IOException {
        return json.writeValueAsBytes(value);
    }
}
