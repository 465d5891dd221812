package dev.vectorizer.adapter.mcp;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.json.Json;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON-RPC 2.0 envelope of a client's request or notification, checked before the SDK's
 * transport reads it: {@code jsonrpc} is {@code "2.0"}, {@code method} a string, {@code id} (if
 * any) a string or a number, {@code params} (if any) an object and present where MCP's schema
 * requires it, as MCP's schema says; and JSON that the API's own codec takes (no number longer,
 * no nesting deeper than a REST body may have). The transport takes a message that breaks one of
 * these and fails on it only after it has started answering, with a 500. Anything else (a batch,
 * a response in shape) is left to the transport.
 */
final class JsonRpcEnvelope {

    /** JSON-RPC's codes for a message that is not a valid request, and for parameters of the wrong shape. */
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;
    static final int PARSE_ERROR = -32700;
    /** The methods this server offers whose parameters MCP's schema requires. */
    private static final Set<String> WITH_PARAMS = Set.of("initialize", "tools/call");

    private JsonRpcEnvelope() {
    }

    /** The JSON-RPC error response to answer instead of passing {@code body} on, or empty to pass it on. */
    static Optional<Map<String, Object>> refusal(byte[] body) {
        Object parsed;
        try {
            parsed = Json.parse(body);
        } catch (InvalidValueException e) {
            return Optional.of(error(null, PARSE_ERROR, "Parse error: " + e.getMessage()));
        }
        if (!(parsed instanceof Map<?, ?> message)) {
            return Optional.of(error(null, INVALID_REQUEST, "Invalid Request: a message is one JSON object (no batches)"));
        }
        if (!message.containsKey("method")) {
            return response(message);
        }
        Object id = message.get("id");
        boolean idValid = id == null && !message.containsKey("id") || id instanceof String || id instanceof Number;
        Object answerId = idValid ? id : null;
        if (!"2.0".equals(message.get("jsonrpc"))) {
            return Optional.of(error(answerId, INVALID_REQUEST, "Invalid Request: jsonrpc must be \"2.0\""));
        }
        if (!(message.get("method") instanceof String method)) {
            return Optional.of(error(answerId, INVALID_REQUEST, "Invalid Request: method must be a string"));
        }
        if (!idValid) {
            return Optional.of(error(null, INVALID_REQUEST, "Invalid Request: id must be a string or a number"));
        }
        if (message.containsKey("params") && !(message.get("params") instanceof Map)) {
            return Optional.of(error(answerId, INVALID_PARAMS, "Invalid params: params must be an object"));
        }
        if (!message.containsKey("params") && WITH_PARAMS.contains(method)) {
            return Optional.of(error(answerId, INVALID_PARAMS, "Invalid params: " + method + " needs params"));
        }
        return Optional.empty();
    }

    /** A client's response (to a request of ours, which this server never sends): its shape, else the refusal. */
    private static Optional<Map<String, Object>> response(Map<?, ?> message) {
        Object id = message.get("id");
        boolean shaped = "2.0".equals(message.get("jsonrpc")) && (id instanceof String || id instanceof Number)
                && (message.containsKey("result") != message.containsKey("error"))
                && (!message.containsKey("error") || message.get("error") instanceof Map<?, ?> error
                        && error.get("code") instanceof Number && error.get("message") instanceof String);
        return shaped ? Optional.empty() : Optional.of(error(null, INVALID_REQUEST, "Invalid Request: neither a request nor a response"));
    }

    private static Map<String, Object> error(Object id, int code, String message) {
        return Json.object("jsonrpc", "2.0", "id", id, "error", Json.object("code", code, "message", message));
    }
}
