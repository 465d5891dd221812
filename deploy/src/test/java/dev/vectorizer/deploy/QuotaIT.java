package dev.vectorizer.deploy;

import static dev.vectorizer.deploy.ServerOnPayaraMicroIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Quotas, rate limits, usage and metrics over HTTP from the uber-jar in standalone mode: plans set
 * by the administrator, 429s with their figures and headers, exact limits under concurrent requests,
 * the usage routes, the series a real Prometheus scrapes, usage that survives a kill -9, and the
 * same limits, figures and headers over GraphQL and MCP, all counting in one window.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuotaIT {

    private Path workDir;
    private ServerProcess server;
    private Http admin;
    private Http acme;
    private Http globex;
    private Http chatty;

    @BeforeAll
    void start() throws Exception {
        workDir = Files.createTempDirectory("vectorizer-quota-it");
        server = new ServerProcess(workDir, "-Dvectorizer.auth.brute-force.max-failures=1000", "-Dvectorizer.quota.default.max-collections=3",
                "-Dvectorizer.hub.usage.interval=1s", "-Dvectorizer.usage.flush-interval=1s").start();
        admin = server.http().withKey(Files.readString(workDir.resolve("data/admin.key")).strip());
        acme = tenant("acme", "{\"max_collections\":2,\"max_vectors\":20}");
        globex = tenant("globex", null);
        chatty = tenant("chatty", "{\"rph\":5}");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Http tenant(String id, String quota) {
        return tenant(id, quota, "[\"READ_WRITE\"]");
    }

    private Http tenant(String id, String quota, String permissions) {
        String body = "{\"id\":\"" + id + "\",\"name\":\"" + id + "\"" + (quota == null ? "" : ",\"quota\":" + quota) + "}";
        Http.Answer created = admin.postJson("api/admin/tenants", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Http.Answer key = admin.postJson("api/admin/tenants/" + id + "/keys", "{\"permissions\":" + permissions + "}");
        return server.http().withKey(key.json().getString("key"));
    }

    private static String vectors(String... ids) {
        return "{\"vectors\":[" + Arrays.stream(ids).map(id -> "{\"id\":\"" + id + "\",\"vector\":[1,0,0]}")
                .collect(Collectors.joining(",")) + "]}";
    }

    /** A 429 QUOTA_EXCEEDED with its figures and no Retry-After (also HubModeIT's, for HiveHub's refusals). */
    static void assertRefusal(Http.Answer answer, String quota, long limit, long used, long requested) {
        assertProblem(answer, 429, "QUOTA_EXCEEDED");
        assertFigures(answer.json(), quota, limit, used, requested);
        assertThat(answer.headers().firstValue("Retry-After")).as("waiting frees no capacity").isEmpty();
    }

    /** A quota refusal's figures, whichever interface carries them: REST's problem, GraphQL's extensions, MCP's tool error. */
    private static void assertFigures(JsonObject refusal, String quota, long limit, long used, long requested) {
        assertThat(refusal.getString("quota")).isEqualTo(quota);
        assertThat(List.of(refusal.getJsonNumber("limit").longValue(), refusal.getJsonNumber("used").longValue(),
                refusal.getJsonNumber("requested").longValue())).containsExactly(limit, used, requested);
        assertThat(refusal.containsKey("retry_after")).as("waiting frees no capacity").isFalse();
    }

    private static Http.Answer graphQL(Http http, String query) {
        return http.postJson("api/graphql", "{\"query\":" + jakarta.json.Json.createValue(query) + "}");
    }

    /** The extensions of the one error of a GraphQL answer, refused at {@code field}. */
    private static JsonObject fieldError(Http.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonObject error = answer.json().getJsonArray("errors").getJsonObject(0);
        assertThat(error.getJsonArray("path").getString(0)).isEqualTo(field);
        return error.getJsonObject("extensions");
    }

    private static JsonObject toolError(McpSchema.CallToolResult result, String errorType) {
        assertThat(result.isError()).as(String.valueOf(result.content())).isTrue();
        JsonObject problem = jakarta.json.Json.createReader(new StringReader(McpIT.errorText(result))).readObject();
        assertThat(problem.getString("error_type")).isEqualTo(errorType);
        return problem;
    }

    @Test
    @Order(1)
    void theAdministratorSetsShowsAndReplacesPlans() {
        assertThat(admin.get("api/admin/tenants/acme").json().getJsonObject("quota").toString())
                .isEqualTo("{\"max_collections\":2,\"max_vectors\":20}");
        assertThat(admin.put("api/admin/tenants/globex/quota", "{\"max_storage_bytes\":100,\"rpm\":null}").json()
                .getJsonObject("quota").toString()).isEqualTo("{\"max_storage_bytes\":100}");
        assertProblem(admin.put("api/admin/tenants/globex/quota", "{\"max_vector\":5}"), 400, "VALIDATION_ERROR");
        assertProblem(admin.put("api/admin/tenants/globex/quota", "{\"rpm\":0}"), 400, "VALIDATION_ERROR");
        assertProblem(admin.put("api/admin/tenants/nobody/quota", "{}"), 404, "NOT_FOUND");
        assertProblem(acme.put("api/admin/tenants/acme/quota", "{}"), 403, "FORBIDDEN");
    }

    @Test
    @Order(2)
    void collectionsAndVectorsStopAtTheLimitCountingNewIdsOnly() {
        assertThat(acme.postJson("api/collections", "{\"name\":\"a\",\"dimension\":3}").status()).isEqualTo(201);
        assertThat(acme.postJson("api/collections", "{\"name\":\"b\",\"dimension\":3}").status()).isEqualTo(201);
        assertRefusal(acme.postJson("api/collections", "{\"name\":\"c\",\"dimension\":3}"), "max_collections", 2, 2, 1);
        assertThat(acme.delete("api/collections/b").status()).isEqualTo(204);
        assertThat(acme.postJson("api/collections", "{\"name\":\"c\",\"dimension\":3}").status()).isEqualTo(201);

        String[] first = IntStream.range(0, 18).mapToObj(i -> "v" + i).toArray(String[]::new);
        assertThat(acme.postJson("api/collections/a/vectors", vectors(first)).status()).isEqualTo(200);
        assertRefusal(acme.postJson("api/collections/a/vectors", vectors("v0", "n1", "n2", "n3")), "max_vectors", 20, 18, 3);
        assertThat(acme.postJson("api/collections/a/vectors", vectors("v0", "v1", "n1", "n2")).status()).as("two new ids fit").isEqualTo(200);
        assertThat(acme.postJson("api/collections/a/vectors", vectors(first)).status()).as("updates add nothing").isEqualTo(200);
        assertRefusal(acme.postJson("api/collections/c/vectors", vectors("x")), "max_vectors", 20, 20, 1);
        assertThat(acme.postJson("api/collections/a/vectors/delete", "{\"ids\":[\"v0\",\"v1\"]}").status()).isEqualTo(200);
        assertThat(acme.postJson("api/collections/c/vectors", vectors("x", "y")).status()).as("deletes free capacity").isEqualTo(200);

        // a 3-dimensional vector with a one-letter id and no payload stores 3 * 4 + 3 ("a" as JSON) + 2 ({}) = 17 bytes
        assertThat(globex.postJson("api/collections", "{\"name\":\"g0\",\"dimension\":3}").status()).isEqualTo(201);
        assertThat(globex.postJson("api/collections/g0/vectors", vectors("a", "b", "c", "d", "e")).status()).isEqualTo(200);
        assertRefusal(globex.postJson("api/collections/g0/vectors", vectors("f", "g")), "max_storage_bytes", 100, 85, 34);
        assertThat(IntStream.range(1, 4).map(i -> globex.postJson("api/collections", "{\"name\":\"g" + i + "\",\"dimension\":3}").status()))
                .as("the installation's default max_collections applies where the plan sets none").containsExactly(201, 201, 429);
    }

    @Test
    @Order(3)
    void sixteenConcurrentRequestsAtTheLimitAdmitExactlyTheRoomLeft() throws Exception {
        assertThat(acme.postJson("api/collections/a/vectors/delete", "{\"ids\":[\"n1\",\"n2\",\"v2\"]}").status()).isEqualTo(200);
        long held = acme.get("api/hub/usage/quota").json().getJsonObject("quotas").getJsonObject("max_vectors").getJsonNumber("used").longValue();
        assertThat(held).as("room for 3 of the 16").isEqualTo(17);
        CyclicBarrier start = new CyclicBarrier(16);
        List<CompletableFuture<Integer>> writers = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            String id = "race" + n;
            writers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return acme.postJson("api/collections/c/vectors", vectors(id)).status();
            }, Thread::startVirtualThread));
        }
        List<Integer> statuses = writers.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).isSubsetOf(200, 429);
        assertThat(statuses.stream().filter(s -> s == 200).count()).as("admitted of %s", statuses).isEqualTo(20 - held);
        JsonObject stats = acme.get("api/hub/usage/statistics").json();
        assertThat(stats.getJsonObject("total").getInt("vector_count")).isEqualTo(20);
    }

    @Test
    @Order(4)
    void everyAdmittedAnswerSaysWhereTheCallerStandsAndTheOneOverTheLimitWhenToRetry() {
        Http.Answer last = null;
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 12 && (last == null || last.status() != 429); i++) {
            last = i % 2 == 0 ? chatty.get("api/collections") : chatty.get("api/collections/missing");
            if (last.status() != 429) {
                assertThat(last.status()).isIn(200, 404);
                assertThat(last.headers().firstValue("RateLimit-Limit")).as("on errors too").contains("5");
                long remaining = Long.parseLong(last.headers().firstValue("RateLimit-Remaining").orElseThrow());
                assertThat(remaining).as("one less each time, unless the hour turned").isIn(previous - 1, 4L);
                previous = remaining;
                assertThat(Long.parseLong(last.headers().firstValue("RateLimit-Reset").orElseThrow())).isBetween(1L, 3600L);
            }
        }
        assertProblem(last, 429, "RATE_LIMIT_EXCEEDED");
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        assertThat(last.headers().firstValue("RateLimit-Remaining")).contains("0");
        assertThat(globex.get("api/collections").headers().firstValue("RateLimit-Limit")).as("no limit, no header").isEmpty();
        assertThat(acme.get("api/collections").status()).as("another tenant's limit is not ours").isEqualTo(200);
        assertThat(server.http().get("api/collections").headers().firstValue("RateLimit-Limit")).as("not admitted, no header").isEmpty();
        assertThat(admin.get("api/admin/tenants").headers().firstValue("RateLimit-Limit")).isEmpty();
    }

    @Test
    @Order(5)
    void theUsageRoutesShowATenantItsOwnUsageOnly() {
        JsonObject stats = acme.get("api/hub/usage/statistics").json();
        assertThat(stats.getString("tenant_id")).isEqualTo("acme");
        assertThat(stats.getJsonArray("collections").getValuesAs(JsonObject.class)).extracting(c -> c.getString("name")).containsExactly("a", "c");
        assertThat(stats.getJsonObject("total").getJsonNumber("storage_bytes").longValue()).isPositive();
        assertThat(stats.getJsonObject("requests").getInt("today")).isPositive()
                .isLessThanOrEqualTo(stats.getJsonObject("requests").getInt("this_month"));
        JsonObject quotas = acme.get("api/hub/usage/quota").json().getJsonObject("quotas");
        assertThat(quotas.getJsonObject("max_collections").toString()).isEqualTo("{\"limit\":2,\"used\":2,\"remaining\":0}");
        assertThat(quotas.getJsonObject("rpm").isNull("limit")).isTrue();
        assertThat(quotas.getJsonObject("rpm").getInt("used")).isPositive();

        JsonObject other = globex.get("api/hub/usage/statistics").json();
        assertThat(other.getString("tenant_id")).isEqualTo("globex");
        assertThat(other.getJsonArray("collections").getValuesAs(JsonObject.class)).extracting(c -> c.getString("name"))
                .as("acme's collections, vectors and bytes count nowhere else").containsExactly("g0", "g1", "g2");
        assertThat(other.getJsonObject("total").getInt("vector_count")).isEqualTo(5);
        assertThat(other.getJsonObject("total").getJsonNumber("storage_bytes").longValue()).isEqualTo(85);
        JsonObject otherQuotas = globex.get("api/hub/usage/quota").json().getJsonObject("quotas");
        assertThat(otherQuotas.getJsonObject("max_collections").toString()).isEqualTo("{\"limit\":3,\"used\":3,\"remaining\":0}");
        assertThat(otherQuotas.getJsonObject("max_storage_bytes").toString()).isEqualTo("{\"limit\":100,\"used\":85,\"remaining\":15}");
        assertThat(otherQuotas.getJsonObject("max_vectors").toString()).isEqualTo("{\"limit\":null,\"used\":5,\"remaining\":null}");
        assertProblem(admin.get("api/hub/usage/statistics"), 403, "FORBIDDEN");
        assertProblem(server.http().get("api/hub/usage/quota"), 401, "AUTH_MISSING_KEY");
    }

    @Test
    @Order(6)
    void usageReportsOfTheLocalInstallationGoToTheLog() throws Exception {
        server.awaitOutput("\"tenant_id\":\"acme\"");
        String line = server.output().lines().filter(l -> l.contains("dev.vectorizer.usage.reports") || l.contains("\"report_id\""))
                .filter(l -> l.contains("\"tenant_id\":\"acme\"")).findFirst().orElseThrow();
        assertThat(line).contains("\"report_id\":").contains("\"requests\":");
    }

    @Test
    @Order(7)
    void metricsCarryOurSeriesWithTheirLabels() {
        server.http().get("api/collections");
        String metrics = server.http().get("metrics").body();
        assertThat(metrics)
                .containsPattern("vectorizer_quota_refusals_total\\{[^}]*quota=\"max_vectors\"")
                .containsPattern("vectorizer_quota_checks_total\\{[^}]*quota=\"max_collections\"")
                .containsPattern("vectorizer_rate_limit_refusals_total\\{[^}]*window=\"hour\"")
                .containsPattern("vectorizer_auth_failures_total\\{[^}]*reason=\"missing\"")
                .containsPattern("vectorizer_requests_seconds_count\\{[^}]*operation=\"VectorsResource.upsertBatch\"[^}]*status=\"429\"")
                .containsPattern("vectorizer_outbox_pending\\{[^}]*stream=\"usage_reports\"")
                .containsPattern("vectorizer_outbox_deliveries_total\\{[^}]*outcome=\"sent\"[^}]*stream=\"usage_reports\"")
                .containsPattern("vectorizer_open_collections\\{")
                .containsPattern("vectorizer_active_tenants\\{")
                .containsPattern("vectorizer_tenant_vectors\\{[^}]*tenant=\"acme\"");
    }

    @Test
    @Order(8)
    void prometheusScrapesTheSeriesAndTheRulesPassPromtool() throws Exception {
        Path monitoring = Path.of(System.getProperty("vectorizer.monitoring"));
        try (Prometheus prometheus = Prometheus.scraping(workDir.resolve("prometheus"), server.base(), monitoring)) {
            prometheus.checkMonitoring();
            // Payara's own base and vendor series break promtool's naming conventions (camelCase); ours keep them, except
            // the _mean gauge Payara's exporter adds to a timer without a HELP line.
            assertThat(prometheus.lintMetrics(server.http().get("metrics").body())).filteredOn(problem -> problem.startsWith("vectorizer_"))
                    .containsExactly("vectorizer_requests_seconds_mean no help text");
            List<JsonObject> refusals = prometheus.awaitSeries("vectorizer_quota_refusals_total");
            assertThat(refusals).anySatisfy(s -> {
                assertThat(s.getString("quota")).isEqualTo("max_vectors");
                assertThat(s.getString("job")).isEqualTo("vectorizer");
            });
            assertThat(prometheus.awaitSeries("vectorizer_requests_seconds_count"))
                    .anySatisfy(s -> assertThat(s.getString("operation") + " " + s.getString("status")).isEqualTo("CollectionsResource.create 429"));
            assertThat(prometheus.awaitSeries("vectorizer_rate_limit_refusals_total")).extracting(s -> s.getString("window")).contains("hour");
            assertThat(prometheus.awaitSeries("vectorizer_tenant_storage_bytes")).extracting(s -> s.getString("tenant")).contains("acme");
            assertThat(prometheus.rulesLoaded()).contains("VectorizerUsageBacklogGrowing", "VectorizerHighErrorRate");
        }
    }

    @Test
    @Order(9)
    void usageSurvivesAKill() throws Exception {
        JsonObject before = acme.get("api/hub/usage/statistics").json();
        long counted = before.getJsonObject("requests").getJsonNumber("today").longValue();
        // A report is sealed from the durable counts: once the reports add up to every request, none is only in memory.
        awaitReportedRequests("acme", counted);
        server.kill();
        server.start();
        JsonObject after = acme.get("api/hub/usage/statistics").json();
        assertThat(after.getJsonArray("collections")).isEqualTo(before.getJsonArray("collections"));
        assertThat(after.getJsonObject("requests").getJsonNumber("today").longValue()).as("this request too").isEqualTo(counted + 1);
        assertRefusal(acme.postJson("api/collections/a/vectors", vectors("after-restart")), "max_vectors", 20, 20, 1);
    }

    @Test
    @Order(10)
    void graphQLAndMcpRefuseWritesOverAQuotaWithTheSameFigures() {
        // acme holds 2 of its 2 collections and 20 of its 20 vectors
        JsonObject collection = fieldError(graphQL(acme, "mutation { createCollection(name: \"gq\", dimension: 3) { name } }"), "createCollection");
        assertThat(collection.getString("code")).isEqualTo("QUOTA_EXCEEDED");
        assertFigures(collection, "max_collections", 2, 2, 1);
        JsonObject vectors = fieldError(graphQL(acme, "mutation { upsertVectors(collection: \"a\", vectors: [{id: \"gq\", vector: [1, 0, 0]}]) }"),
                "upsertVectors");
        assertThat(vectors.getString("code")).isEqualTo("QUOTA_EXCEEDED");
        assertFigures(vectors, "max_vectors", 20, 20, 1);

        String mcpKey = admin.postJson("api/admin/tenants/acme/keys", "{\"permissions\":[\"MCP\"]}").json().getString("key");
        McpSyncClient mcp = McpIT.connect(server, mcpKey);
        try {
            assertFigures(toolError(McpIT.call(mcp, "create_collection", Map.of("name", "mq", "dimension", 3)), "QUOTA_EXCEEDED"),
                    "max_collections", 2, 2, 1);
            assertFigures(toolError(McpIT.call(mcp, "insert_vectors", Map.of("collection", "a", "vectors",
                    List.of(Map.of("id", "mq", "vector", List.of(1, 0, 0))))), "QUOTA_EXCEEDED"), "max_vectors", 20, 20, 1);
        } finally {
            mcp.closeGracefully();
        }
        JsonObject stats = acme.get("api/hub/usage/statistics").json();
        assertThat(stats.getJsonArray("collections")).as("nothing written").hasSize(2);
        assertThat(stats.getJsonObject("total").getInt("vector_count")).as("nothing written").isEqualTo(20);
    }

    /** 2 REST, 2 GraphQL and 1 MCP request fill a limit of 5; the next is refused on each interface alike. */
    @Test
    @Order(11)
    void everyInterfaceCountsAgainstTheSameWindowAndIsRefusedAlike() {
        Http everywhere = tenant("everywhere", "{\"rpd\":5}", "[\"READ_WRITE\",\"MCP\"]");
        List<Http.Answer> admitted = List.of(everywhere.get("api/collections"), everywhere.get("api/collections/missing"),
                graphQL(everywhere, "{ collections { name } }"), graphQL(everywhere, "{ collection(name: \"missing\") { name } }"),
                McpIT.mcpPost(everywhere, McpIT.INITIALIZE, Map.of()));
        assertThat(admitted).extracting(Http.Answer::status).containsExactly(200, 404, 200, 200, 200);
        assertThat(admitted).extracting(a -> a.headers().firstValue("RateLimit-Limit").orElseThrow()).containsOnly("5");
        assertThat(admitted).extracting(a -> a.headers().firstValue("RateLimit-Remaining").orElseThrow()).containsExactly("4", "3", "2", "1", "0");

        Http.Answer rest = everywhere.get("api/collections");
        Http.Answer graphQL = graphQL(everywhere, "{ collections { name } }");
        Http.Answer mcp = McpIT.mcpPost(everywhere, McpIT.INITIALIZE, Map.of());
        assertProblem(rest, 429, "RATE_LIMIT_EXCEEDED");
        assertProblem(mcp, 429, "RATE_LIMIT_EXCEEDED");
        assertThat(graphQL.status()).isEqualTo(429);
        JsonObject refusal = graphQL.json().getJsonArray("errors").getJsonObject(0).getJsonObject("extensions");
        assertThat(refusal.getString("code")).isEqualTo("RATE_LIMIT_EXCEEDED");
        for (Http.Answer refused : List.of(rest, graphQL, mcp)) {
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 86_400L);
            assertThat(refused.headers().firstValue("RateLimit-Remaining")).contains("0");
            assertThat(Long.parseLong(refused.headers().firstValue("RateLimit-Reset").orElseThrow())).isEqualTo(retryAfter);
        }
        assertThat(refusal.getJsonNumber("retry_after").longValue()).isEqualTo(Long.parseLong(graphQL.headers().firstValue("Retry-After").orElseThrow()));
    }

    private void awaitReportedRequests(String tenant, long expected) throws Exception {
        Pattern report = Pattern.compile("\\{\"report_id\":.*\"tenant_id\":\"" + tenant + "\".*\"requests\":(\\d+)}");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        long reported = 0;
        while (Instant.now().isBefore(deadline)) {
            reported = report.matcher(server.output()).results().mapToLong(m -> Long.parseLong(m.group(1))).sum();
            if (reported >= expected) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(reported).as("requests in %s's usage reports", tenant).isEqualTo(expected);
    }
}
