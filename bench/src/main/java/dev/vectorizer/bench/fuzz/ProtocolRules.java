package dev.vectorizer.bench.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules an answer of each family keeps (see {@link FuzzRequest.Family}); each method gives the
 * rules broken, empty when none. What the formats are: REST's problem document (API.md), a GraphQL
 * response (GRAPHQL.md: every error with {@code extensions.code}), a JSON-RPC 2.0 response (MCP.md).
 */
final class ProtocolRules {

    private static final List<String> SECURITY_HEADERS = List.of("X-Content-Type-Options", "X-Frame-Options", "Content-Security-Policy",
            "Referrer-Policy", "Permissions-Policy", "Cache-Control");

    private ProtocolRules() {
    }

    /** What every answer of the API, GraphQL and MCP keeps: an answer, no 5xx, the security headers. */
    private static List<String> common(RawHttp.Answer answer) {
        List<String> broken = new ArrayList<>();
        if (answer.status() <= 0) {
            broken.add("no answer");
            return broken;
        }
        if (answer.status() >= 500) {
            broken.add("5xx");
        }
        if (answer.status() >= 200 && !SECURITY_HEADERS.stream().allMatch(h -> answer.header(h).isPresent())) {
            broken.add("without the security headers");
        }
        return broken;
    }

    static List<String> api(FuzzRequest request, RawHttp.Answer answer, String contentType) {
        List<String> broken = common(answer);
        if (answer.status() <= 0) {
            return broken;
        }
        if (answer.status() >= 400 && !(request.isHead() ? contentType.startsWith("application/problem+json") : isProblem(answer, contentType))) {
            broken.add("an error that is not a problem document");
        }
        boolean describesItself = request.isHead() || request.method().equals("OPTIONS"); // no body, or the Allow list
        boolean archive = request.target().contains("/download") && contentType.startsWith("application/gzip");
        if (answer.status() >= 200 && answer.status() < 300 && !describesItself && !archive && answer.body().length > 0
                && !contentType.startsWith("application/json")) {
            broken.add("a success that is not JSON");
        }
        return broken;
    }

    static List<String> graphql(FuzzRequest request, RawHttp.Answer answer, String contentType) {
        List<String> broken = common(answer);
        if (answer.status() <= 0 || request.isHead() || answer.status() == 204) {
            return broken;
        }
        boolean graphqlType = contentType.startsWith("application/json") || contentType.startsWith("application/graphql-response+json");
        Optional<JsonObject> body = graphqlType ? object(answer.bodyText()) : Optional.empty();
        if (body.isEmpty() || !body.get().containsKey("data") && !body.get().containsKey("errors")) {
            broken.add("not a GraphQL response");
        } else if (body.get().get("errors") instanceof JsonArray errors && !errors.stream().allMatch(ProtocolRules::isGraphQLError)) {
            broken.add("a GraphQL error without extensions.code");
        } else if (answer.status() >= 400 && !(body.get().get("errors") instanceof JsonArray)) {
            broken.add("an HTTP error without GraphQL errors");
        }
        return broken;
    }

    private static boolean isGraphQLError(JsonValue error) {
        return error instanceof JsonObject e && e.get("message") instanceof JsonString
                && e.get("extensions") instanceof JsonObject extensions && extensions.get("code") instanceof JsonString;
    }

    static List<String> mcp(FuzzRequest request, RawHttp.Answer answer, String contentType) {
        List<String> broken = common(answer);
        if (answer.status() <= 0 || request.isHead() || answer.body().length == 0 && answer.status() < 300) {
            return broken; // an accepted notification or response (202), a closed session (200)
        }
        if (answer.status() >= 400) {
            if (!isProblem(answer, contentType) && !(contentType.startsWith("application/json") && object(answer.bodyText())
                    .filter(ProtocolRules::isJsonRpcError).isPresent())) {
                broken.add("an error that is neither a problem document nor a JSON-RPC error");
            }
        } else if (!jsonRpcMessages(answer, contentType).stream().allMatch(ProtocolRules::isJsonRpcResponse)) {
            broken.add("an answer that is not a JSON-RPC response");
        }
        return broken;
    }

    /** The JSON-RPC messages of an answer: its body, or the {@code data} of each server-sent event; empty if there are none. */
    private static List<JsonValue> jsonRpcMessages(RawHttp.Answer answer, String contentType) {
        List<JsonValue> messages = new ArrayList<>();
        if (contentType.startsWith("text/event-stream")) {
            answer.bodyText().lines().filter(l -> l.startsWith("data:")).forEach(l -> messages.add(value(l.substring(5)).orElse(JsonValue.NULL)));
        } else if (contentType.startsWith("application/json")) {
            messages.add(value(answer.bodyText()).orElse(JsonValue.NULL));
        }
        if (messages.isEmpty()) {
            messages.add(JsonValue.NULL);
        }
        return messages;
    }

    private static boolean isJsonRpcResponse(JsonValue message) {
        return message instanceof JsonObject o && "2.0".equals(o.getString("jsonrpc", null))
                && (o.containsKey("result") || isJsonRpcError(o));
    }

    private static boolean isJsonRpcError(JsonObject o) {
        return "2.0".equals(o.getString("jsonrpc", null)) && o.get("error") instanceof JsonObject error && error.get("code") instanceof JsonNumber
                && error.get("message") instanceof JsonString;
    }

    static boolean isProblem(RawHttp.Answer answer, String contentType) {
        if (!contentType.startsWith("application/problem+json")) {
            return false;
        }
        return object(answer.bodyText()).filter(p -> p.get("error_type") instanceof JsonString && p.getInt("status", -1) == answer.status())
                .isPresent();
    }

    private static Optional<JsonObject> object(String text) {
        return value(text).filter(v -> v instanceof JsonObject).map(JsonValue::asJsonObject);
    }

    private static Optional<JsonValue> value(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return Optional.of(reader.readValue());
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }
}
