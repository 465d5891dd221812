package dev.vectorizer.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.hub.HubUnavailableException;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.QuotaExceededException;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Principal;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A refused call is a tool error carrying what REST's problem carries, and when to retry. */
class ToolCallsTest {

    private static final Caller.OfTenant ACME = new Caller.OfTenant(new TenantId("acme"), new Principal.TokenSubject("t"), Set.of(Permission.MCP), false);

    private static String refusal(RuntimeException refused) {
        Tool tool = new Tool("create_collection", "creates", Map.of("type", "object"), Map.of("type", "object"), Tool.Effect.CREATE,
                (caller, arguments) -> {
                    throw refused;
                });
        McpSchema.CallToolResult result = ToolCalls.call(tool, ACME, Map.of());
        assertThat(result.isError()).isTrue();
        return ((McpSchema.TextContent) result.content().getFirst()).text();
    }

    @Test
    void aQuotaRefusalCarriesItsFiguresAndAnUnavailableOneWhenToRetry() {
        assertThat(refusal(new QuotaExceededException(Limit.MAX_VECTORS, 20, 20, 1)))
                .endsWith("\"error_type\":\"QUOTA_EXCEEDED\",\"quota\":\"max_vectors\",\"limit\":20,\"used\":20,\"requested\":1}");
        assertThat(refusal(new HubUnavailableException("HiveHub gave no usable answer", Duration.ofSeconds(30))))
                .endsWith("\"error_type\":\"HUB_UNAVAILABLE\",\"retry_after\":30}");
    }
}
