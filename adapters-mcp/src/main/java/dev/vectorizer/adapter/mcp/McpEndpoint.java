package dev.vectorizer.adapter.mcp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.vectorizer.application.port.in.AdmitRequestQuery;
import dev.vectorizer.application.port.in.GetServerInfoQuery;
import dev.vectorizer.domain.ServerInfo;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves MCP (Streamable HTTP) at {@value #PATH} in the application's own web context: the SDK's
 * servlet transport, an exact mapping (so JAX-RS's {@code /*} does not take it), behind
 * {@link McpAdmission}, with the tools of {@link CollectionTools}, {@link VectorTools} and
 * {@link SearchTools}. Settings: {@code vectorizer.mcp.allowed-origins} (browser origins that may
 * call, none by default) and {@code vectorizer.mcp.session-idle-timeout}.
 */
@WebListener
public class McpEndpoint implements ServletContextListener {

    static final String PATH = "/mcp";
    /** The largest request the transport reads: the REST API's bound on a body. */
    static final int MAX_REQUEST_BYTES = 32 * 1024 * 1024;

    @Inject
    AdmitRequestQuery admit;
    @Inject
    GetServerInfoQuery serverInfo;
    @Inject
    CollectionTools collections;
    @Inject
    VectorTools vectors;
    @Inject
    SearchTools searches;
    @Inject
    Config config;

    /** The SDK answers some malformed requests with its exception as JSON: its message, never its stack. */
    @JsonIgnoreProperties({"stackTrace", "cause", "suppressed", "localizedMessage"})
    private abstract static class WithoutStack {
    }

    /**
     * The exception the SDK answers a malformed message with (400), written as the JSON-RPC error
     * response without an id that Streamable HTTP allows, not as the exception's fields.
     */
    @JsonSerialize(using = JsonRpcErrorResponse.class)
    private abstract static class AsJsonRpcError {
    }

    private static final class JsonRpcErrorResponse extends ValueSerializer<McpError> {
        @Override
        public void serialize(McpError error, JsonGenerator json, SerializationContext context) {
            json.writeStartObject();
            json.writeStringProperty("jsonrpc", McpSchema.JSONRPC_VERSION);
            json.writeNullProperty("id");
            json.writePOJOProperty("error", error.getJsonRpcError());
            json.writeEndObject();
        }
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Duration sessionIdleTimeout = config.getValue("vectorizer.mcp.session-idle-timeout", Duration.class);
        if (!sessionIdleTimeout.isPositive()) {
            throw new IllegalArgumentException("vectorizer.mcp.session-idle-timeout must be positive, not " + sessionIdleTimeout);
        }
        List<String> allowedOrigins = config.getOptionalValues("vectorizer.mcp.allowed-origins", String.class).orElse(List.of());
        ServerInfo info = serverInfo.serverInfo();
        List<McpServerFeatures.SyncToolSpecification> tools = Stream.of(collections.tools(), vectors.tools(), searches.tools())
                .flatMap(List::stream).map(ToolCalls::specification).toList();
        McpServlet servlet = new McpServlet(() -> build(info, tools, sessionIdleTimeout));

        ServletContext context = event.getServletContext();
        ServletRegistration.Dynamic registration = context.addServlet("mcp", servlet);
        registration.setAsyncSupported(true);
        registration.addMapping(PATH);
        McpAdmission admission = new McpAdmission(admit,
                DefaultServerTransportSecurityValidator.builder().allowedOrigins(allowedOrigins).build(),
                new SessionBindings(sessionIdleTimeout, Instant::now));
        FilterRegistration.Dynamic filter = context.addFilter("mcp-admission", admission);
        filter.setAsyncSupported(true);
        filter.addMappingForServletNames(EnumSet.of(DispatcherType.REQUEST), false, "mcp");
    }

    /** The SDK's server, its transport and their JSON mapper (the work {@link McpServlet} does off the start's path). */
    private static McpServlet.Built build(ServerInfo info, List<McpServerFeatures.SyncToolSpecification> tools, Duration sessionIdleTimeout) {
        // Duplicate keys are refused, as every JSON body of the API refuses them; names and strings as
        // long as a message may be, so the SDK reads every message the envelope check let through
        // (Jackson's default limit of 50,000 characters per name failed there with a SEVERE log line).
        StreamReadConstraints lengths = StreamReadConstraints.builder().maxNameLength(MAX_REQUEST_BYTES).maxStringLength(MAX_REQUEST_BYTES).build();
        JsonMapper jackson = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(lengths).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addMixIn(Throwable.class, WithoutStack.class).addMixIn(McpError.class, AsJsonRpcError.class).build();
        McpJsonMapper json = new JacksonMcpJsonMapper(jackson);
        // The SDK closes a session idle for one to two sweep intervals, before its binding lapses.
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(json).mcpEndpoint(PATH).contextExtractor(McpAdmission::context)
                .sessionSweepInterval(sessionIdleTimeout.dividedBy(2)).maxRequestSize(MAX_REQUEST_BYTES).build();
        McpSyncServer server = McpServer.sync(transport).serverInfo(info.name(), info.version()).jsonMapper(json)
                .jsonSchemaValidator(new DefaultJsonSchemaValidator(jackson))
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                // The tools' readers judge the arguments, so a bad one is refused as REST refuses it.
                .validateToolInputs(false)
                // Tools run on the request's thread, where the container's contexts are active.
                .immediateExecution(true)
                .tools(tools)
                .build();
        return new McpServlet.Built(transport, server);
    }
}
