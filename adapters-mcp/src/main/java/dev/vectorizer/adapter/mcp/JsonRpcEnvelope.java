package dev.vectorizer.adapter.mcp;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON-RPC 2.0 envelope of a client's message, checked before the SDK's transport reads it:
 * {@code jsonrpc} is {@code "2.0"}, {@code method} a string, {@code id} (if any) a string or an
 * integer (MCP's schema; JSON-RPC would also allow a fraction), {@code params} (if any) an object and
 * present where MCP's schema requires it, with the members the SDK reads into typed records in the
 * types MCP's schema gives them ({@code _meta}, a {@code tools/call}'s {@code name} and
 * {@code arguments}, an {@code initialize}'s version, capabilities and client); and JSON that the
 * API's own codec takes (no number longer, no nesting deeper than a REST body may have). The
 * transport takes a message that breaks one of these and fails on it, with a 500 once it has started
 * answering, else with a 400 and a SEVERE log line.
 *
 * <p>This server sends no requests of its own (no GET stream, no pings, no sampling, and it does not
 * ask for the client's roots), so a client's response answers nothing: it is refused, where the
 * transport answered 500 for its unknown id. {@code notifications/roots/list_changed} is acknowledged
 * and not passed on, since the SDK would ask for the new roots over a stream that does not exist.
 */
final class JsonRpcEnvelope {

    /** JSON-RPC's codes for a message that is not a valid request, and for parameters of the wrong shape. */
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;
    static final int PARSE_ERROR = -32700;
    /** The methods this server offers whose parameters MCP's schema requires. */
    private static final Set<String> WITH_PARAMS = Set.of("initialize", "tools/call");
    /** Notifications this server has no use for. */
    private static final Set<String> UNUSED = Set.of("notifications/roots/list_changed");
    /** How a refusal names the JSON type a member must have. */
    private static final Map<Class<?>, String> JSON_TYPES = Map.of(Map.class, "an object", String.class, "a string",
            Boolean.class, "a boolean", List.class, "an array");
    /** The typed member any method's params may have. */
    private static final List<Member> COMMON = List.of(new Member("_meta", Map.class));
    /** What the SDK reads into its typed records, by method (beside {@link #COMMON}); a wrong type failed there with a 500 or a SEVERE log line. */
    private static final Map<String, List<Member>> TYPED = Map.of(
            "tools/call", List.of(COMMON.getFirst(), new Member("arguments", Map.class)),
            "initialize", List.of(COMMON.getFirst(), new Member("protocolVersion", String.class), new Member("capabilities", Map.class),
                    new Member("capabilities.experimental", Map.class), new Member("capabilities.roots", Map.class),
                    new Member("capabilities.roots.listChanged", Boolean.class), new Member("capabilities.sampling", Map.class),
                    new Member("capabilities.elicitation", Map.class), new Member("capabilities.elicitation.form", Map.class),
                    new Member("capabilities.elicitation.url", Map.class), new Member("clientInfo", Map.class),
                    new Member("clientInfo.name", String.class), new Member("clientInfo.title", String.class),
                    new Member("clientInfo.version", String.class), new Member("clientInfo.description", String.class),
                    new Member("clientInfo.websiteUrl", String.class), new Member("clientInfo.icons", List.class)));

    /** What becomes of a client's message. */
    sealed interface Verdict permits Pass, Refuse, Acknowledge {
    }

    /** Passed on to the SDK's transport. */
    record Pass() implements Verdict {
    }

    /** Answered 400 with this JSON-RPC error response. */
    record Refuse(Map<String, Object> error) implements Verdict {
    }

    /** Answered 202 and not passed on: a notification this server has no use for. */
    record Acknowledge() implements Verdict {
    }

    private JsonRpcEnvelope() {
    }

    /** What becomes of {@code body}, a message POSTed to the endpoint. */
    static Verdict verdict(byte[] body) {
        Object parsed;
        try {
            parsed = Json.parse(body);
        } catch (InvalidValueException e) {
            return refuse(null, PARSE_ERROR, "Parse error: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> message)) {
            return refuse(null, INVALID_REQUEST, "Invalid Request: a message is one JSON object (no batches)");
        }
        if (!message.containsKey("method")) {
            return refuse(null, INVALID_REQUEST, "Invalid Request: a message needs a method (this server sends no requests, so it takes no responses)");
        }
        Object id = message.get("id");
        boolean idValid = id == null && !message.containsKey("id") || id instanceof String || id instanceof Long; // the codec's integers
        Object answerId = idValid ? id : null;
        if (!"2.0".equals(message.get("jsonrpc"))) {
            return refuse(answerId, INVALID_REQUEST, "Invalid Request: jsonrpc must be \"2.0\"");
        }
        if (!(message.get("method") instanceof String method)) {
            return refuse(answerId, INVALID_REQUEST, "Invalid Request: method must be a string");
        }
        if (!idValid) {
            return refuse(null, INVALID_REQUEST, "Invalid Request: id must be a string or an integer");
        }
        if (!message.containsKey("params")) {
            return WITH_PARAMS.contains(method) ? refuse(answerId, INVALID_PARAMS, "Invalid params: " + method + " needs params") : pass(method);
        }
        if (!(message.get("params") instanceof Map<?, ?> params)) {
            return refuse(answerId, INVALID_PARAMS, "Invalid params: params must be an object");
        }
        if (method.equals("tools/call") && !(params.get("name") instanceof String)) {
            return refuse(answerId, INVALID_PARAMS, "Invalid params: tools/call needs the tool's name as a string");
        }
        for (Member member : TYPED.getOrDefault(method, COMMON)) {
            Object value = member.in(params);
            if (value != null && !member.type().isInstance(value)) {
                return refuse(answerId, INVALID_PARAMS, "Invalid params: " + member.path() + " must be " + JSON_TYPES.get(member.type()));
            }
        }
        return pass(method);
    }

    private static Verdict pass(String method) {
        return UNUSED.contains(method) ? new Acknowledge() : new Pass();
    }

    /** A member of {@code params} at a dotted path, and the type the codec reads MCP's schema's type as. */
    private record Member(String path, Class<?> type) {

        /** Its value in {@code params}; null if it or an object on its path is absent (a wrong object on the path is its own member's). */
        Object in(Map<?, ?> params) {
            Object value = params;
            for (String name : path.split("\\.")) {
                if (!(value instanceof Map<?, ?> object)) {
                    return null;
                }
                value = object.get(name);
            }
            return value;
        }
    }

    private static Verdict refuse(Object id, int code, String message) {
        return new Refuse(Json.object("jsonrpc", "2.0", "id", id, "error", Json.object("code", code, "message", message)));
    }
}
