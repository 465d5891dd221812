package dev.vectorizer.adapter.mcp;

import dev.vectorizer.domain.json.ErrorType;
import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.json.JsonFields;
import dev.vectorizer.domain.json.RefusalJson;
import dev.vectorizer.domain.tenant.Caller;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Declares {@link Tool}s to the SDK and runs their calls: arguments into the wire package's form
 * ({@link Json#canonical}) for the tool's readers, the answer tree back as structured content
 * (and, for clients that read only text, as JSON text). Whatever a call throws becomes a tool
 * error ({@code isError}) whose text is the problem document REST would answer, with all the
 * refusal's {@link RefusalJson#members members}: {@code retry_after} as well, since a tool error has
 * no headers of its own; the JSON-RPC exchange itself never fails.
 */
final class ToolCalls {

    private static final Logger LOG = Logger.getLogger(ToolCalls.class.getName());

    private ToolCalls() {
    }

    static McpServerFeatures.SyncToolSpecification specification(Tool tool) {
        McpSchema.Tool declared = McpSchema.Tool.builder(tool.name(), tool.input()).description(tool.description()).outputSchema(tool.output()).annotations(annotations(tool.effect())).build();
        return McpServerFeatures.SyncToolSpecification.builder().tool(declared)
                .callHandler((exchange, request) -> call(tool, McpAdmission.caller(exchange.transportContext()), request.arguments()))
                .build();
    }

    static McpSchema.CallToolResult call(Tool tool, Caller.OfTenant caller, Map<String, Object> arguments) {
        Map<String, Object> answer;
        try {
            answer = tool.call().apply(caller, JsonFields.body(Json.canonical(arguments == null ? Map.of() : arguments)));
        } catch (RuntimeException e) {
            return refused(tool, e);
        }
        return McpSchema.CallToolResult.builder().structuredContent(answer).addTextContent(Json.write(answer)).build();
    }

    private static McpSchema.CallToolResult refused(Tool tool, RuntimeException exception) {
        Map<String, Object> problem = new LinkedHashMap<>(
                ErrorType.of(exception).problem(RefusalJson.detail(exception, LOG, "MCP tool " + tool.name())));
        problem.putAll(RefusalJson.members(exception)); // a quota's figures and retry_after
        return McpSchema.CallToolResult.builder().isError(true).addTextContent(Json.write(problem)).build();
    }

    private static McpSchema.ToolAnnotations annotations(Tool.Effect effect) {
        boolean readOnly = effect == Tool.Effect.READ;
        boolean destructive = effect == Tool.Effect.REPLACE || effect == Tool.Effect.DELETE;
        boolean idempotent = effect != Tool.Effect.CREATE;
        return new McpSchema.ToolAnnotations(null, readOnly, destructive, idempotent, false, null);
    }
}
