package dev.vectorizer.adapter.mcp;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.json.Json;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON-RPC 2.0 envelope of a client's request or notification, checked before the SDK's
 * transport reads it: {@code jsonrpc} is {@code "2.0"}, {@code method} a string, {@code id} (if
 * any) a string or a number, {@code params} (if any) an object, as MCP's schema says. The
 * transport takes a message that breaks one of these and fails on it only after it has started
 * answering, with a 500. Anything else (not JSON, a batch, a response) is left to the transport,
 * which refuses it itself.
 */
final class JsonRpcEnvelope {

    /** JSON-RPC's codes for a message that is not a valid request, and for parameters of the wrong shape. */
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;

    private JsonRpcEnvelope() {
    }

    /** The JSON-RPC error response to answer instead of passing {@code body} on, or empty to pass it on. */
    static Optional<Map<String, Object>> refusal(byte[] body) {
        if (!(parsed(body) instanceof Map<?, ?> message) || !message.containsKey("method")) {
            return Optional.empty();
        }
        Object id = message.get("id");
        boolean idValid = id == null && !message.containsKey("id") || id instanceof String || id instanceof Number;
        Object answerId = idValid ? id : null;
        if (!"2.0".equals(message.get("jsonrpc"))) {
            return Optional.of(error(answerId, INVALID_REQUEST, "Invalid Request: jsonrpc must be \"2.0\""));
        }
        if (!(message.get("method") instanceof String)) {
            return Optional.of(error(answerId, INVALID_REQUEST, "Invalid Request: method must be a string"));
        }
        if (!idValid) {
            return Optional.of(error(null, INVALID_REQUEST, "Invalid Request: id must be a string or a number"));
        }
        if (message.containsKey("params") && !(message.get("params") instanceof Map)) {
            return Optional.of(error(answerId, INVALID_PARAMS, "Invalid params: params must be an object"));
        }
        return Optional.empty();
    }

    private static Object parsed(byte[] body) {
        try {
            return Json.parse(body);
        } catch (InvalidValueException e) {
            return null; // not JSON this codec takes: the transport answers it
        }
    }

    private static Map<String, Object> error(Object id, int code, String message) {
        return Json.object("jsonrpc", "2.0", "id", id, "error", Json.object("code", code, "message", message));
    }
}
