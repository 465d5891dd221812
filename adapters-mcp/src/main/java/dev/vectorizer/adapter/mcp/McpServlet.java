package dev.vectorizer.adapter.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.Serial;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The MCP server's servlet, whose server is built on a thread of its own as the application starts:
 * building it loads the MCP SDK, Jackson 3, Reactor and the JSON-schema library (some 5 % of a cold
 * start's CPU), which the application's readiness need not wait for. A request that arrives before
 * the build has finished waits for it.
 */
final class McpServlet extends HttpServlet {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The SDK's transport (itself a servlet) and the server answering through it. */
    record Built(HttpServletStreamableServerTransportProvider transport, McpSyncServer server) {
    }

    private final transient CompletableFuture<Built> built;

    McpServlet(Supplier<Built> build) {
        this.built = CompletableFuture.supplyAsync(build, work -> Thread.ofPlatform().name("mcp-server-build").daemon().start(work));
    }

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        built().transport().service(request, response);
    }

    @Override
    public void destroy() {
        try {
            Built done = built();
            done.server().closeGracefully();
            done.transport().destroy();
        } catch (ServletException failed) {
            // nothing was built, so nothing is open
        }
    }

    private Built built() throws ServletException {
        try {
            return built.join();
        } catch (CompletionException e) {
            throw new ServletException("the MCP server could not be built", e.getCause());
        }
    }
}
