package dev.vectorizer.deploy;

import static dev.vectorizer.deploy.QuotaIT.assertRefusal;
import static dev.vectorizer.deploy.ServerOnPayaraMicroIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.adapter.hub.HiveHubStandIn;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Hub mode end to end: the uber-jar with {@code vectorizer.mode=hub} against a HiveHub stand-in
 * (a real HTTP server in this JVM). HiveHub's keys and tenants, its signed service calls (signed
 * by the stand-in's own signer), IP access lists behind a trusted proxy, tenant deletion,
 * HiveHub's outages, HiveHub's quotas, quota checks, usage reports and operation log, and usage
 * reports that outlive an outage and a kill -9 and arrive exactly once. Times
 * to live are seconds here, so revocation and grace are seen for real. Clients at other addresses
 * are loopback aliases (127.0.0.2 is the trusted proxy, 127.0.0.3 a stranger), which Linux routes
 * to the server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubModeIT {

    private static final String SERVICE_KEY = "hub-service-key-" + UUID.randomUUID();
    private static final String SERVICE_SECRET = "service-secret-" + UUID.randomUUID();
    private static final String SIGNING_SECRET = "signing-secret-" + UUID.randomUUID();
    private static final String PROXY = "127.0.0.2";
    private static final String STRANGER = "127.0.0.3";

    private HiveHubStandIn hub;
    private Path workDir;
    private ServerProcess server;
    private Http anonymous;

    @BeforeAll
    void start() throws Exception {
        hub = HiveHubStandIn.start(SERVICE_KEY);
        workDir = Files.createTempDirectory("vectorizer-hub-it");
        server = new ServerProcess(workDir, "-Dvectorizer.mode=hub", "-Dvectorizer.hub.url=" + hub.url(),
                "-Dvectorizer.hub.service-key=" + SERVICE_KEY, "-Dvectorizer.hub.service-secret=" + SERVICE_SECRET,
                "-Dvectorizer.hub.signing-secret=" + SIGNING_SECRET, "-Dvectorizer.trusted-proxies=" + PROXY,
                "-Dvectorizer.hub.cache.api-key-ttl=5s", "-Dvectorizer.hub.cache.invalid-key-ttl=1s", "-Dvectorizer.hub.cache.grace=5s",
                "-Dvectorizer.hub.request-timeout=1500ms", "-Dvectorizer.hub.retries=1", "-Dvectorizer.hub.retry-backoff=50ms",
                "-Dvectorizer.hub.breaker.failures=3", "-Dvectorizer.hub.breaker.open-for=5s", "-Dvectorizer.hub.probe-interval=1h",
                // failed logins are part of these tests; brute-force blocking has its own test (BruteForceIT)
                "-Dvectorizer.auth.brute-force.max-failures=1000").start();
        anonymous = server.http();
    }

    @AfterAll
    void stop() {
        server.close();
        hub.close();
    }

    /** A request HiveHub signs: the service secret, the signature over method, path, time, nonce and body. */
    private Http.Answer signed(String method, String path, String body, String user) {
        long now = Instant.now().getEpochSecond();
        String nonce = UUID.randomUUID().toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(anonymous.resolve(path))
                .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Content-Type", "application/json").header("x-hivehub-service", SERVICE_SECRET)
                .header("x-hivehub-timestamp", String.valueOf(now)).header("x-hivehub-nonce", nonce)
                .header("x-hivehub-signature", HiveHubStandIn.sign(SIGNING_SECRET, method, path, now, nonce, bytes));
        if (user != null) {
            request.header("x-hivehub-user-id", user);
        }
        return anonymous.send(request);
    }

    @Test
    @Order(1)
    void twoHiveHubTenantsAppearOnFirstUseAndCannotReachOrDetectEachOther() {
        Map<String, Http> as = Map.of("acme", anonymous.withKey(hub.addKey("acme", "Acme Inc.")),
                "globex", anonymous.withKey(hub.addKey("globex", "Globex")));
        as.forEach((tenant, http) -> {
            for (String collection : List.of("shared", "own-" + tenant)) {
                assertThat(http.postJson("api/collections", "{\"name\":\"" + collection + "\",\"dimension\":3}").status()).isEqualTo(201);
                assertThat(http.postJson("api/collections/" + collection + "/vectors",
                        "{\"vectors\":[{\"id\":\"x\",\"vector\":[1,0,0],\"payload\":{\"owner\":\"" + tenant + "\"}}]}").status()).isEqualTo(200);
            }
        });
        as.forEach((attacker, http) -> as.keySet().stream().filter(v -> !v.equals(attacker)).forEach(victim -> {
            for (Function<String, Http.Answer> route : TenancyIT.routes(http)) {
                Http.Answer probed = route.apply("own-" + victim);
                Http.Answer missing = route.apply("no-such-" + victim.substring(0, 3));
                assertProblem(probed, 404, "NOT_FOUND");
                assertThat(probed.body().replace("own-" + victim, "?")).isEqualTo(missing.body().replace("no-such-" + victim.substring(0, 3), "?"));
            }
        }));
        as.forEach((tenant, http) -> {
            assertThat(http.get("api/collections").json().getJsonArray("collections").stream().map(c -> c.asJsonObject().getString("name")))
                    .containsExactlyInAnyOrder("shared", "own-" + tenant);
            assertThat(http.get("api/collections/shared/vectors/x").json().getJsonObject("payload").getString("owner")).isEqualTo(tenant);
            assertThat(http.postJson("api/collections/shared/search", "{\"vector\":[1,0,0],\"limit\":10}").json().getJsonArray("results"))
                    .singleElement().satisfies(hit -> assertThat(hit.asJsonObject().getJsonObject("payload").getString("owner")).isEqualTo(tenant));
        });
        assertThat(workDir.resolve("data/tenants/acme")).isDirectory();
        assertThat(workDir.resolve("data/tenants/globex")).isDirectory();
    }

    @Test
    @Order(2)
    void keysWorkAsHiveHubSaysAndARevokedOrExpiredOneStopsWithinItsTimeToLive() throws Exception {
        Http reader = anonymous.withKey(hub.addKey("initech", "Initech", "READ_ONLY"));
        Http writer = anonymous.withKey(hub.addKey("initech", "Initech", "READ_WRITE"));
        String revocable = hub.addKey("initech", "Initech", "READ_WRITE");
        String expiring = hub.addKey(new HiveHubStandIn.Key("initech", "Initech", "k-exp", List.of("READ_WRITE"), false,
                Instant.now().plusSeconds(3), null, null, null));
        String test = hub.addKey(new HiveHubStandIn.Key("initech", "Initech", "k-test", List.of("ADMIN"), true, null, 60L, null, null));

        assertThat(writer.postJson("api/collections", "{\"name\":\"docs\",\"dimension\":2}").status()).isEqualTo(201);
        assertThat(reader.get("api/collections/docs").status()).isEqualTo(200);
        assertProblem(reader.postJson("api/collections/docs/vectors", "{\"vectors\":[{\"id\":\"a\",\"vector\":[1,0]}]}"), 403, "FORBIDDEN");
        Http tester = anonymous.withKey(test);
        assertThat(tester.postJson("api/collections/docs/vectors", "{\"vectors\":[{\"id\":\"a\",\"vector\":[1,0]}]}").status()).isEqualTo(200);
        assertProblem(tester.delete("api/collections/docs"), 403, "FORBIDDEN");
        assertProblem(anonymous.withKey("hh_live_" + "Q".repeat(40)).get("api/collections"), 401, "AUTH_INVALID_KEY");
        assertProblem(anonymous.withKey("nonsense").get("api/collections"), 401, "AUTH_INVALID_KEY");
        assertProblem(anonymous.get("api/collections"), 401, "AUTH_MISSING_KEY");

        assertThat(anonymous.withKey(revocable).get("api/collections").status()).isEqualTo(200);
        assertThat(anonymous.withKey(expiring).get("api/collections").status()).isEqualTo(200);
        hub.revoke(revocable);
        awaitStatus(() -> anonymous.withKey(revocable).get("api/collections"), 401);
        awaitStatus(() -> anonymous.withKey(expiring).get("api/collections"), 401);
        assertThat(writer.get("api/collections").status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void hiveHubsSignedCallsActAndAnythingLessIsRefusedAndAudited() throws Exception {
        hub.addKey("umbrella", "Umbrella");
        String key = hub.addKey("umbrella", "Umbrella");
        assertThat(signed("POST", "/api/collections", "{\"name\":\"from-hub\",\"dimension\":2}", "umbrella").status()).isEqualTo(201);
        assertThat(anonymous.withKey(key).get("api/collections/from-hub").status()).as("for the user it named").isEqualTo(200);
        assertProblem(signed("GET", "/api/collections", "", null), 403, "FORBIDDEN");

        JsonObject valid = signed("POST", "/api/hub/validate-key", "{\"api_key\":\"" + key + "\"}", null).json();
        assertThat(valid.getBoolean("valid")).isTrue();
        assertThat(valid.getString("tenant_id")).isEqualTo("umbrella");
        assertThat(valid.toString()).doesNotContain(key);
        assertThat(signed("POST", "/api/hub/validate-key", "{\"api_key\":\"hh_live_" + "Z".repeat(40) + "\"}", null).json().getBoolean("valid"))
                .isFalse();
        assertProblem(anonymous.withKey(key).postJson("api/hub/validate-key", "{\"api_key\":\"" + key + "\"}"), 403, "FORBIDDEN");

        long now = Instant.now().getEpochSecond();
        String path = "/api/collections";
        String goodSignature = HiveHubStandIn.sign(SIGNING_SECRET, "GET", path, now, "nonce-replayed-0001", new byte[0]);
        Http.Answer first = anonymous.send(serviceHeaders(SERVICE_SECRET, now, "nonce-replayed-0001", goodSignature, path));
        assertThat(first.status()).isEqualTo(200);
        Map<String, HttpRequest.Builder> refused = Map.of(
                "replayed", serviceHeaders(SERVICE_SECRET, now, "nonce-replayed-0001", goodSignature, path),
                "wrong signature", serviceHeaders(SERVICE_SECRET, now, "nonce-wrong-0001", "ab".repeat(32), path),
                "skewed", serviceHeaders(SERVICE_SECRET, now - 301, "nonce-skewed-0001",
                        HiveHubStandIn.sign(SIGNING_SECRET, "GET", path, now - 301, "nonce-skewed-0001", new byte[0]), path),
                "forged service header", serviceHeaders("not-the-secret", now, "nonce-forged-0001",
                        HiveHubStandIn.sign(SIGNING_SECRET, "GET", path, now, "nonce-forged-0001", new byte[0]), path),
                "missing signature", HttpRequest.newBuilder(anonymous.resolve(path)).GET().header("x-hivehub-service", SERVICE_SECRET)
                        .header("x-hivehub-user-id", "umbrella"),
                "signed for another path", serviceHeaders(SERVICE_SECRET, now, "nonce-path-0001",
                        HiveHubStandIn.sign(SIGNING_SECRET, "GET", path + "?x=1", now, "nonce-path-0001", new byte[0]), path));
        refused.forEach((what, request) -> assertProblem(anonymous.send(request), 401, "AUTH_INVALID_KEY"));
        Http.Answer bodySwapped = anonymous.send(HttpRequest.newBuilder(anonymous.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"swapped\",\"dimension\":2}")).header("Content-Type", "application/json")
                .header("x-hivehub-service", SERVICE_SECRET).header("x-hivehub-user-id", "umbrella")
                .header("x-hivehub-timestamp", String.valueOf(now)).header("x-hivehub-nonce", "nonce-body-0001")
                .header("x-hivehub-signature", HiveHubStandIn.sign(SIGNING_SECRET, "POST", path, now, "nonce-body-0001",
                        "{\"name\":\"signed\",\"dimension\":2}".getBytes(StandardCharsets.UTF_8))));
        assertProblem(bodySwapped, 401, "AUTH_INVALID_KEY");
        awaitOutput("\"action\":\"AUTH_FAILURE\"", "hivehub-service-call");
    }

    private HttpRequest.Builder serviceHeaders(String secret, long timestamp, String nonce, String signature, String path) {
        return HttpRequest.newBuilder(anonymous.resolve(path)).GET().header("x-hivehub-service", secret).header("x-hivehub-user-id", "umbrella")
                .header("x-hivehub-timestamp", String.valueOf(timestamp)).header("x-hivehub-nonce", nonce).header("x-hivehub-signature", signature);
    }

    @Test
    @Order(4)
    void hiveHubDeletesATenantWithEverythingOfItAndARepeatIsHarmless() {
        String key = hub.addKey("doomed", "Doomed");
        Http doomed = anonymous.withKey(key);
        assertThat(doomed.postJson("api/collections", "{\"name\":\"c\",\"dimension\":2}").status()).isEqualTo(201);
        assertThat(doomed.postJson("api/collections/c/vectors", "{\"vectors\":[{\"id\":\"v\",\"vector\":[1,2]}]}").status()).isEqualTo(200);
        assertThat(workDir.resolve("data/tenants/doomed")).exists();

        hub.revoke(key);
        assertThat(signed("DELETE", "/api/admin/tenants/doomed", "", null).status()).isEqualTo(204);

        assertThat(workDir.resolve("data/tenants/doomed")).doesNotExist();
        assertProblem(doomed.get("api/collections"), 401, "AUTH_INVALID_KEY");
        assertThat(signed("DELETE", "/api/admin/tenants/doomed", "", null).status()).as("idempotent").isEqualTo(204);
        assertProblem(anonymous.withKey(hub.addKey("acme", "Acme Inc.")).delete("api/admin/tenants/globex"), 403, "FORBIDDEN");
        assertThat(workDir.resolve("data/tenants/globex")).exists();
    }

    @Test
    @Order(5)
    void aTenantsAccessListDecidesOnTheResolvedAddressOfBothFamilies() throws Exception {
        String key = hub.addKey("walled", "Walled");
        Http.Answer set = signed("PUT", "/api/admin/tenants/walled/access-list",
                "{\"allow\":[\"127.0.0.1\",\"198.51.100.0/24\",\"2001:DB8::/32\"],\"deny\":[\"198.51.100.66\",\"2001:db8:bad::/48\"]}", null);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().getJsonArray("allow").getString(2)).isEqualTo("2001:db8::/32");
        assertProblem(signed("PUT", "/api/admin/tenants/walled/access-list", "{\"allow\":[\"10.1.2.3/8\"]}", null), 400, "VALIDATION_ERROR");

        assertThat(from("127.0.0.1", key, null).status()).isEqualTo(200);
        assertProblem(from(STRANGER, key, null), 403, "FORBIDDEN");
        assertProblem(from(STRANGER, key, "198.51.100.1"), 403, "FORBIDDEN"); // a stranger's X-Forwarded-For is not believed
        assertThat(from(PROXY, key, "198.51.100.1").status()).as("behind the trusted proxy").isEqualTo(200);
        assertThat(from(PROXY, key, "203.0.113.7, 198.51.100.1").status()).as("the rightmost untrusted hop").isEqualTo(200);
        assertProblem(from(PROXY, key, "198.51.100.66"), 403, "FORBIDDEN"); // deny wins
        assertThat(from(PROXY, key, "2001:db8::5").status()).isEqualTo(200);
        assertProblem(from(PROXY, key, "2001:db8:bad::1"), 403, "FORBIDDEN");
        assertProblem(from(PROXY, key, "2001:db9::1"), 403, "FORBIDDEN");
        assertThat(signed("GET", "/api/admin/tenants/walled/access-list", "", null).json().getJsonArray("deny").getString(0))
                .isEqualTo("198.51.100.66/32");
        awaitOutput("\"action\":\"ADDRESS_REFUSED\"", "ip:2001:db8:bad::1");
    }

    /** A request with {@code key} from the local address {@code local}, with an X-Forwarded-For header if given. */
    private Http.Answer from(String local, String key, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(anonymous.resolve("api/collections")).GET();
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return anonymous.from(local).withKey(key).send(request);
    }

    @Test
    @Order(6)
    void whenHiveHubFailsCachedKeysServeWithinTimeToLiveAndGraceEverythingElseIs503AndReadinessFollows() throws Exception {
        for (HiveHubStandIn.Behaviour broken : List.of(HiveHubStandIn.Behaviour.ERROR_500, HiveHubStandIn.Behaviour.MALFORMED_JSON,
                HiveHubStandIn.Behaviour.WRONG_SHAPE, HiveHubStandIn.Behaviour.SLOW)) {
            hub.slowness(Duration.ofSeconds(4));
            hub.behave(broken);
            int before = hub.validations();
            assertHubUnavailable(anonymous.withKey(hub.addKey("acme", "Acme Inc.")).get("api/collections"));
            assertThat(hub.validations()).as(broken + " reached the stand-in").isGreaterThan(before);
            hub.behave(HiveHubStandIn.Behaviour.NORMAL);
            assertThat(anonymous.withKey(hub.addKey("acme", "Acme Inc.")).get("api/collections").status()).as("and the next call works").isEqualTo(200);
        }

        Http cached = anonymous.withKey(hub.addKey("acme", "Acme Inc."));
        assertThat(cached.get("api/collections").status()).isEqualTo(200);
        hub.down();
        assertThat(cached.get("api/collections").status()).as("cached: HiveHub not needed").isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertHubUnavailable(anonymous.withKey("hh_live_" + "N".repeat(39) + i).get("api/collections"));
        }
        assertThat(anonymous.get("api/hub/status").status()).as("HiveHub is down").isEqualTo(503);
        JsonObject ready = anonymous.get("health/ready").json();
        assertThat(ready.getString("status")).as("ready while cached keys serve").isEqualTo("UP");
        assertThat(hivehubCheck(ready).getJsonObject("data").getString("status")).isEqualTo("down");

        awaitStatus(() -> cached.get("api/collections"), 503);
        awaitStatus(() -> anonymous.get("health/ready"), 503);
        hub.up();
        awaitStatus(() -> anonymous.get("health/ready"), 200);
        assertThat(cached.get("api/collections").status()).isEqualTo(200);
        assertThat(anonymous.get("api/hub/status").json().getString("status")).isEqualTo("up");
    }

    @Test
    @Order(7)
    void hiveHubsQuotaAndItsNoRefuseWritesAndUsageAndTheOperationLogReachIt() throws Exception {
        hub.quota("metered", "{\"max_collections\":1,\"max_vectors\":null,\"max_storage_bytes\":null,\"rpm\":null,\"rph\":null,\"rpd\":null}");
        Http metered = anonymous.withKey(hub.addKey("metered", "Metered"));
        assertThat(metered.postJson("api/collections", "{\"name\":\"only\",\"dimension\":3}").status()).isEqualTo(201);
        assertRefusal(metered.postJson("api/collections", "{\"name\":\"second\",\"dimension\":3}"), "max_collections", 1, 1, 1);

        hub.denyNextQuotaCheck();
        assertRefusal(metered.postJson("api/collections/only/vectors", "{\"vectors\":[{\"id\":\"a\",\"vector\":[1,0,0]}]}"),
                "max_vectors", 100, 100, 1); // the stand-in's "no": limit 100, 0 remaining
        assertThat(metered.postJson("api/collections/only/vectors", "{\"vectors\":[{\"id\":\"a\",\"vector\":[1,0,0]}]}").status())
                .as("HiveHub's next answer is yes").isEqualTo(200);

        Instant deadline = Instant.now().plusSeconds(30);
        while (hub.usageReportIds().isEmpty() || hub.logBatches().stream().noneMatch(b -> b.contains("\"outcome\":\"quota_exceeded\""))) {
            assertThat(Instant.now()).as("the final usage report of the deleted tenant and the operation log reach HiveHub").isBefore(deadline);
            Thread.sleep(250);
        }
        assertThat(String.join("", hub.logBatches())).contains("\"tenant_id\":\"metered\"", "\"operation\":\"insert_vectors\"",
                "\"collection\":\"only\"");
    }

    @Test
    @Order(8)
    void hiveHubsHealthAndCallsAreInTheMetricsTheAlertsAndTheDashboardRead() {
        assertThat(anonymous.get("metrics").body()).as("deploy/monitoring's series, after HiveHub failed and came back")
                .containsPattern("vectorizer_hub_up\\{[^}]*} 1").containsPattern("vectorizer_hub_breaker_open\\{[^}]*} 0")
                .containsPattern("vectorizer_hub_calls_seconds_count\\{[^}]*call=\"validate_key\"[^}]*outcome=\"failure\"")
                .containsPattern("vectorizer_hub_calls_seconds_count\\{[^}]*call=\"quota_check\"[^}]*outcome=\"success\"");
    }

    /**
     * HiveHub down for several usage intervals while a tenant's traffic goes on, the server killed
     * (kill -9) during the outage and started again, HiveHub back: every usage report arrives, none
     * twice, and together they count every request. Restarts the server with reports every second
     * (earlier tests keep the default, so that no report competes with their calls for the breaker).
     */
    @Test
    @Order(9)
    void usageReportsOutliveAHiveHubOutageAndAKillAndArriveExactlyOnce() throws Exception {
        server.stop();
        server.with("-Dvectorizer.hub.usage.interval=1s", "-Dvectorizer.usage.flush-interval=1s", "-Dvectorizer.hub.cache.grace=5m").start();
        Http outage = anonymous.withKey(hub.addKey("outage", "Outage"));
        long made = requests(outage, 3);
        awaitReportedRequests("outage", made);
        awaitMetric("vectorizer_outbox_pending", pending -> pending == 0, "stream=\"usage_reports\"");

        hub.down(); // the key's and the tenant's cached answers serve through the outage (grace)
        for (int interval = 1; interval <= 3; interval++) {
            made += requests(outage, 2);
            long sealed = interval;
            awaitMetric("vectorizer_outbox_pending", pending -> pending >= sealed, "stream=\"usage_reports\"");
        }
        long counted = made;
        awaitMetric("vectorizer_tenant_requests_today", durable -> durable == counted, "tenant=\"outage\"");
        server.kill();

        server.launch();
        awaitMetric("vectorizer_outbox_deliveries_total", failed -> failed >= 2, "outcome=\"failed\"", "stream=\"usage_reports\"");
        hub.up();
        awaitStatus(() -> anonymous.get("health/ready"), 200);
        made += requests(outage, 2);
        awaitReportedRequests("outage", made);
        awaitMetric("vectorizer_outbox_pending", pending -> pending == 0, "stream=\"usage_reports\"");

        List<HiveHubStandIn.UsageReport> reports = hub.usageReports().stream().filter(r -> r.tenantId().equals("outage")).toList();
        assertThat(reports).extracting(HiveHubStandIn.UsageReport::reportId).as("each report once").doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(5);
        assertThat(reports.stream().mapToLong(HiveHubStandIn.UsageReport::requests).sum()).as("every request, once").isEqualTo(made);
    }

    /** Makes {@code n} admitted requests as {@code http}; their number. */
    private static long requests(Http http, int n) {
        for (int i = 0; i < n; i++) {
            Http.Answer answer = http.get("api/collections");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
        return n;
    }

    /** Waits until HiveHub's usage reports of {@code tenant} count {@code requests}, and no more. */
    private void awaitReportedRequests(String tenant, long requests) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        long reported = 0;
        while (reported < requests && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            reported = hub.usageReports().stream().filter(r -> r.tenantId().equals(tenant)).mapToLong(HiveHubStandIn.UsageReport::requests).sum();
        }
        assertThat(reported).as("requests in %s's usage reports at HiveHub", tenant).isEqualTo(requests);
    }

    /**
     * Waits (through a start, so for up to three minutes) until the server's series {@code name}
     * with these {@code labels} (in Prometheus's order; absent: 0) has a value that {@code until} accepts.
     */
    private void awaitMetric(String name, LongPredicate until, String... labels) throws InterruptedException {
        Pattern series = Pattern.compile("^" + name + "\\{[^}]*" + String.join("[^}]*", Stream.of(labels).map(Pattern::quote).toList())
                + "[^}]*} (\\S+)$", Pattern.MULTILINE);
        Instant deadline = Instant.now().plusSeconds(180);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                Matcher found = series.matcher(anonymous.get("metrics").body());
                long value = found.find() ? (long) Double.parseDouble(found.group(1)) : 0;
                if (until.test(value)) {
                    return;
                }
                last = String.valueOf(value);
            } catch (IllegalStateException notListeningYet) {
                last = notListeningYet.getMessage();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + List.of(labels) + " still " + last);
    }

    private static void assertHubUnavailable(Http.Answer answer) {
        assertProblem(answer, 503, "HUB_UNAVAILABLE");
        assertThat(Integer.parseInt(answer.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    }

    private static JsonObject hivehubCheck(JsonObject health) {
        return health.getJsonArray("checks").stream().map(c -> c.asJsonObject()).filter(c -> c.getString("name").equals("hivehub"))
                .findFirst().orElseThrow();
    }

    private static void awaitStatus(Supplier<Http.Answer> request, int status) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        Http.Answer last = request.get();
        while (last.status() != status) {
            assertThat(Instant.now()).as("still " + last.status() + ": " + last.body()).isBefore(deadline);
            Thread.sleep(250);
            last = request.get();
        }
    }

    private void awaitOutput(String... parts) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!server.output().lines().anyMatch(line -> List.of(parts).stream().allMatch(line::contains))) {
            assertThat(Instant.now()).as("no log line with " + List.of(parts)).isBefore(deadline);
            Thread.sleep(250);
        }
    }
}
