package dev.vectorizer.adapter.mcp;

import dev.vectorizer.application.port.in.AdmitRequestQuery;
import dev.vectorizer.application.port.in.AuthenticateQuery;
import dev.vectorizer.domain.json.DefensiveHeaders;
import dev.vectorizer.domain.json.ErrorType;
import dev.vectorizer.domain.json.JsonMediaType;
import dev.vectorizer.domain.json.LimitHeaders;
import dev.vectorizer.domain.json.RefusalJson;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.ForbiddenException;
import dev.vectorizer.domain.tenant.Operation;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.spec.HttpHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Admits every HTTP request to the MCP endpoint before the SDK's transport sees it: no GET stream
 * (the server sends nothing unasked, so none is offered, and no request outlives its answer), the Origin
 * check the MCP specification asks of Streamable HTTP servers, the application's one authenticator
 * (the credentials REST reads, on every request, as MCP's HTTP authorization asks, and the caller's rate limits), the MCP
 * permission ({@link Operation#USE_MCP}; each tool then needs its own operation as well), and the
 * session's owner ({@link SessionBindings}). Admitted requests carry their caller to the tools
 * through the transport context ({@link #caller}).
 *
 * <p>A refusal is answered as REST answers it: the status and problem document of its
 * {@link ErrorType}, with the {@link RefusalJson#headers headers} it calls for ({@code WWW-Authenticate}
 * on a 401, {@code Retry-After} whenever it says when to retry). Every answer carries the
 * {@link DefensiveHeaders}, and every answer to an admitted request its caller's rate-limit standing.
 */
final class McpAdmission extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String CALLER = McpAdmission.class.getName() + ".caller";
    private static final Logger LOG = Logger.getLogger(McpAdmission.class.getName());

    private final transient AdmitRequestQuery admission;
    private final transient ServerHttpHeaderValidator origins;
    private final transient SessionBindings sessions;

    McpAdmission(AdmitRequestQuery admission, ServerHttpHeaderValidator origins, SessionBindings sessions) {
        this.admission = admission;
        this.origins = origins;
        this.sessions = sessions;
    }

    /** The transport context of an admitted request: its caller, for the tools. */
    static McpTransportContext context(HttpServletRequest request) {
        return McpTransportContext.create(Map.of(CALLER, request.getAttribute(CALLER)));
    }

    /** The caller a tool call acts for, as this filter admitted it. */
    static Caller.OfTenant caller(McpTransportContext context) {
        if (context.get(CALLER) instanceof Caller.OfTenant caller) {
            return caller;
        }
        throw new IllegalStateException("MCP request was not admitted");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        DefensiveHeaders.VALUES.forEach(response::setHeader);
        if ("GET".equals(request.getMethod())) {
            // No server-initiated messages (no notifications, no requests to the client), so no stream
            // to hold open: Streamable HTTP lets a server answer 405 here.
            McpAnswer.problem(response, ErrorType.METHOD_NOT_ALLOWED, "this server sends no messages of its own, so it offers no GET stream");
            return;
        }
        try {
            origins.validate(headers(request));
        } catch (ServerTransportSecurityException e) {
            McpAnswer.problem(response, ErrorType.FORBIDDEN, "requests from this Origin may not use the MCP endpoint");
            return;
        }
        Caller.OfTenant caller;
        String session = request.getHeader(HttpHeaders.MCP_SESSION_ID);
        try {
            AdmitRequestQuery.Admission admitted = admit(request);
            admitted.rateLimit().ifPresent(status -> LimitHeaders.standing(status).forEach(response::setHeader));
            caller = tenant(admitted.caller());
            caller.require(Operation.USE_MCP);
            if (session != null) {
                sessions.requireOwner(session, SessionBindings.Owner.of(caller));
            }
        } catch (RuntimeException e) {
            refuse(response, e);
            return;
        }
        request.setAttribute(CALLER, caller);
        HttpServletRequest checked = request;
        if ("POST".equals(request.getMethod())) {
            if (request.getContentType() != null && !JsonMediaType.isUtf8Json(request.getContentType())) {
                McpAnswer.problem(response, ErrorType.UNSUPPORTED_MEDIA_TYPE, "an MCP message is application/json in UTF-8");
                return;
            }
            byte[] body = ReadBody.read(request, McpEndpoint.MAX_REQUEST_BYTES);
            if (body.length > McpEndpoint.MAX_REQUEST_BYTES) {
                McpAnswer.problem(response, ErrorType.PAYLOAD_TOO_LARGE, "an MCP message may take at most " + McpEndpoint.MAX_REQUEST_BYTES + " bytes");
                return;
            }
            switch (JsonRpcEnvelope.verdict(body)) {
                case JsonRpcEnvelope.Refuse refuse -> {
                    McpAnswer.jsonRpcError(response, refuse.error());
                    return;
                }
                case JsonRpcEnvelope.Acknowledge ignored when session != null -> {
                    response.setStatus(HttpServletResponse.SC_ACCEPTED);
                    return;
                }
                default -> checked = new ReadBody(request, body); // without a session, the transport refuses it
            }
        }
        chain.doFilter(checked, new McpAnswer(response, session == null ? sessions : null, SessionBindings.Owner.of(caller)));
        if (session != null && "DELETE".equals(request.getMethod()) && response.getStatus() < 300) {
            sessions.end(session);
        }
    }

    /** Who the request acts for, counted against its rate limits: the one place MCP asks. */
    private AdmitRequestQuery.Admission admit(HttpServletRequest request) {
        return admission.admit(AuthenticateQuery.Credentials.fromHeaders(request::getHeader, request.getRemoteAddr()));
    }

    private static Caller.OfTenant tenant(Caller caller) {
        if (caller instanceof Caller.OfTenant tenant) {
            return tenant;
        }
        throw new ForbiddenException("the installation administrator key cannot access tenant data; use a tenant key");
    }

    private static void refuse(HttpServletResponse response, RuntimeException exception) throws IOException {
        RefusalJson.headers(exception).forEach(response::setHeader);
        McpAnswer.problem(response, ErrorType.of(exception), RefusalJson.detail(exception, LOG, "MCP admission"));
    }

    private static HeaderAccessor headers(HttpServletRequest request) {
        return new HeaderAccessor() {
            @Override
            public List<String> getHeader(String name) {
                return Collections.list(request.getHeaders(name));
            }

            @Override
            public List<String> getHeaderNames() {
                return Collections.list(request.getHeaderNames());
            }
        };
    }

}
