package dev.vectorizer.adapter.mcp;

import dev.vectorizer.domain.json.ErrorType;
import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.json.RefusalJson;
import io.modelcontextprotocol.spec.HttpHeaders;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Map;

/**
 * The answer to an admitted MCP request, as the SDK's transport writes it, with two additions:
 * the session it opens (it names it in a header) is bound to the caller that opened it, and an
 * HTTP error it sends (wrong method, unknown route, bad Accept...) is a problem document like every
 * other refusal of the API, never the container's error page.
 */
final class McpAnswer extends HttpServletResponseWrapper {

    private final SessionBindings newSessions;
    private final SessionBindings.Owner owner;

    /** {@code newSessions} is null when the request belongs to a session already (it opens none). */
    McpAnswer(HttpServletResponse response, SessionBindings newSessions, SessionBindings.Owner owner) {
        super(response);
        this.newSessions = newSessions;
        this.owner = owner;
    }

    /** Answers with the status and problem document of {@code type}. */
    static void problem(HttpServletResponse response, ErrorType type, String detail) throws IOException {
        if (type == ErrorType.METHOD_NOT_ALLOWED) {
            response.setHeader("Allow", "POST, DELETE");
        }
        response.setStatus(type.status());
        response.setContentType(RefusalJson.PROBLEM_MEDIA_TYPE);
        response.getOutputStream().write(Json.writeUtf8(type.problem(detail)));
    }

    /** Answers 400 with a JSON-RPC error response, as Streamable HTTP answers a message it cannot take. */
    static void jsonRpcError(HttpServletResponse response, Map<String, Object> error) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.getOutputStream().write(Json.writeUtf8(error));
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        ErrorType type = ErrorType.forStatus(status);
        problem(this, type, type == ErrorType.INTERNAL_ERROR || message == null ? type.title() : message);
    }

    @Override
    public void sendError(int status) throws IOException {
        sendError(status, null);
    }

    @Override
    public void setHeader(String name, String value) {
        bindIfSession(name, value);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        bindIfSession(name, value);
        super.addHeader(name, value);
    }

    private void bindIfSession(String name, String value) {
        if (newSessions != null && HttpHeaders.MCP_SESSION_ID.equalsIgnoreCase(name) && value != null) {
            newSessions.bind(value, owner);
        }
    }
}
