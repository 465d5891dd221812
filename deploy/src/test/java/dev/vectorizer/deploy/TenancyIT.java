package dev.vectorizer.deploy;

import static dev.vectorizer.deploy.ServerOnPayaraMicroIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Standalone mode end to end: the administrator key, tenants and keys, the permission matrix, and
 * isolation — no tenant can read, change, list, search or even detect another tenant's data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenancyIT {

    private static final List<String> TENANTS = List.of("acme", "globex", "initech");

    private Path workDir;
    @AutoClose
    private ServerProcess server;
    private Http anonymous;
    private Http admin;
    private final Map<String, Http> as = new java.util.HashMap<>();

    @BeforeAll
    void start() throws Exception {
        workDir = Files.createTempDirectory("vectorizer-tenancy-it");
        // Failed logins are part of these tests; brute-force blocking has its own test (BruteForceIT).
        server = new ServerProcess(workDir, "-Dvectorizer.auth.brute-force.max-failures=1000").start();
        anonymous = server.http();
        Path adminKey = workDir.resolve("data/admin.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(adminKey))).isEqualTo("rw-------");
        admin = anonymous.withKey(Files.readString(adminKey).strip());
        for (String tenant : TENANTS) {
            assertThat(admin.postJson("api/admin/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"" + tenant + " inc\"}").status()).isEqualTo(201);
            as.put(tenant, anonymous.withKey(issueKey(tenant, "READ_WRITE")));
            Http http = as.get(tenant);
            for (String collection : List.of("shared", "own-" + tenant)) {
                assertThat(http.postJson("api/collections", "{\"name\":\"" + collection + "\",\"dimension\":3}").status()).isEqualTo(201);
                assertThat(http.postJson("api/collections/" + collection + "/vectors",
                        "{\"vectors\":[{\"id\":\"x\",\"vector\":[1,0,0],\"payload\":{\"owner\":\"" + tenant + "\"}}]}").status()).isEqualTo(200);
            }
        }
    }

    private String issueKey(String tenant, String permission) {
        Http.Answer issued = admin.postJson("api/admin/tenants/" + tenant + "/keys", "{\"permissions\":[\"" + permission + "\"]}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().getString("key")).startsWith("hh_live_");
        return issued.json().getString("key");
    }

    @Test
    void credentialsAreRequiredAndBadOnesAllReadTheSame() {
        assertProblem(anonymous.get("api/collections"), 401, "AUTH_MISSING_KEY");
        String unknownFormat = anonymous.withKey("nonsense").get("api/collections").body();
        String unknownId = anonymous.withKey("hh_live_" + "A".repeat(40)).get("api/collections").body();
        String acmeKey = issueKey("acme", "READ_ONLY");
        String wrongSecret = anonymous.withKey(acmeKey.substring(0, acmeKey.length() - 1) + (acmeKey.endsWith("a") ? "b" : "a")).get("api/collections").body();
        assertProblem(anonymous.withKey("nonsense").get("api/collections"), 401, "AUTH_INVALID_KEY");
        assertThat(List.of(unknownId, wrongSecret)).allSatisfy(body -> assertThat(body).isEqualTo(unknownFormat));
        assertThat(anonymous.get("api/info").status()).as("info is public").isEqualTo(200);
    }

    @Test
    void theAdministratorManagesTenantsButSeesNoTenantData() {
        assertThat(admin.get("api/admin/tenants").json().getJsonArray("tenants").stream()
                .map(t -> t.asJsonObject().getString("id"))).containsAll(TENANTS);
        assertThat(admin.get("api/admin/tenants").json().containsKey("next_cursor")).as("a single page").isFalse();
        assertProblem(admin.get("api/collections"), 403, "FORBIDDEN");
        assertProblem(as.get("acme").get("api/admin/tenants"), 403, "FORBIDDEN");
        assertProblem(as.get("acme").postJson("api/admin/tenants/acme/keys", "{\"permissions\":[\"ADMIN\"]}"), 403, "FORBIDDEN");
        assertThat(admin.get("api/admin/tenants/acme/keys").body()).doesNotContain("hh_live_");
    }

    @Test
    void tenantsAreListedInPagesInIdOrder() {
        List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = admin.get("api/admin/tenants?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            assertThat(page.getJsonArray("tenants").size()).isBetween(1, 2);
            page.getJsonArray("tenants").forEach(t -> seen.add(t.asJsonObject().getString("id")));
            cursor = page.containsKey("next_cursor") ? page.getString("next_cursor") : null;
        } while (cursor != null);
        assertThat(seen).containsAll(TENANTS).isSorted().doesNotHaveDuplicates();
        assertThat(admin.get("api/admin/tenants?cursor=" + seen.getLast()).json().getJsonArray("tenants")).isEmpty();
        for (String bad : List.of("limit=0", "limit=1001", "limit=two", "cursor=no.such%20id")) {
            assertProblem(admin.get("api/admin/tenants?" + bad), 400, "VALIDATION_ERROR");
        }
        assertProblem(as.get("acme").get("api/admin/tenants?limit=2"), 403, "FORBIDDEN");
    }

    /** Every tenant route, aimed at another tenant's collection, answers exactly like a missing collection. */
    @Test
    void noTenantCanReachOrDetectAnothersCollection() {
        for (String attacker : TENANTS) {
            for (String victim : TENANTS) {
                if (attacker.equals(victim)) {
                    continue;
                }
                Http http = as.get(attacker);
                for (Function<String, Http.Answer> route : routes(http)) {
                    Http.Answer probed = route.apply("own-" + victim);
                    Http.Answer missing = route.apply("no-such-" + victim.substring(0, 3));
                    assertProblem(probed, 404, "NOT_FOUND");
                    assertThat(probed.body().replace("own-" + victim, "?")).isEqualTo(missing.body().replace("no-such-" + victim.substring(0, 3), "?"));
                }
            }
        }
        for (String tenant : TENANTS) {
            Http http = as.get(tenant);
            assertThat(http.get("api/collections").json().getJsonArray("collections").stream().map(c -> c.asJsonObject().getString("name")))
                    .containsExactlyInAnyOrder("shared", "own-" + tenant);
            assertThat(http.get("api/collections/own-" + tenant).json().getInt("vector_count")).as("untouched").isEqualTo(1);
        }
    }

    @Test
    void collidingNamesAndIdsStaySeparate() {
        for (String tenant : TENANTS) {
            Http http = as.get(tenant);
            assertThat(http.get("api/collections/shared/vectors/x").json().getJsonObject("payload").getString("owner")).isEqualTo(tenant);
            JsonObject hit = http.postJson("api/collections/shared/search", "{\"vector\":[1,0,0],\"limit\":10}").json()
                    .getJsonArray("results").getJsonObject(0);
            assertThat(hit.getJsonObject("payload").getString("owner")).isEqualTo(tenant);
            assertThat(http.postJson("api/collections/shared/search", "{\"vector\":[1,0,0],\"limit\":10}").json().getJsonArray("results")).hasSize(1);
            assertThat(http.postJson("api/collections/shared/search/batch", "{\"searches\":[{\"vector\":[1,0,0],\"limit\":10,\"with_payload\":true}]}")
                    .json().getJsonArray("searches").getJsonObject(0).getJsonArray("results")).singleElement()
                    .satisfies(h -> assertThat(h.asJsonObject().getJsonObject("payload").getString("owner")).isEqualTo(tenant));
            assertThat(http.postJson("api/collections/shared/scroll", "{}").json().getJsonArray("vectors")).hasSize(1);
            assertThat(http.get("api/collections/shared").json().getInt("vector_count")).isEqualTo(1);
        }
    }

    @Test
    void readOnlyKeysReadButDoNotWrite() {
        Http reader = anonymous.withKey(issueKey("globex", "READ_ONLY"));
        assertThat(reader.postJson("api/collections/shared/search", "{\"vector\":[1,0,0]}").status()).isEqualTo(200);
        assertProblem(reader.postJson("api/collections/shared/vectors", "{\"vectors\":[{\"id\":\"y\",\"vector\":[0,1,0]}]}"), 403, "FORBIDDEN");
        assertProblem(reader.delete("api/collections/shared"), 403, "FORBIDDEN");
        assertThat(as.get("globex").get("api/collections/shared").json().getInt("vector_count")).isEqualTo(1);
    }

    @Test
    void suspendedTenantsAreRefusedUntilResumed() {
        Http tenant = anonymous.withKey(issueKey("initech", "READ_ONLY"));
        assertThat(admin.postJson("api/admin/tenants/initech/suspend", "{}").json().getString("status")).isEqualTo("SUSPENDED");
        assertProblem(tenant.get("api/collections"), 403, "FORBIDDEN");
        assertThat(admin.postJson("api/admin/tenants/initech/resume", "{}").json().getString("status")).isEqualTo("ACTIVE");
        assertThat(tenant.get("api/collections").status()).isEqualTo(200);
    }

    @Test
    void rotationKeepsTheOldKeyDuringGraceAndRevocationIsImmediate() {
        String old = issueKey("acme", "READ_ONLY");
        String oldId = old.substring("hh_live_".length(), "hh_live_".length() + 12);
        Http.Answer rotated = admin.postJson("api/admin/tenants/acme/keys/" + oldId + "/rotate", "{}");
        assertThat(rotated.status()).isEqualTo(201);
        String fresh = rotated.json().getString("key");

        assertThat(anonymous.withKey(old).get("api/collections").status()).as("old key in grace").isEqualTo(200);
        assertThat(anonymous.withKey(fresh).get("api/collections").status()).isEqualTo(200);
        assertThat(admin.get("api/admin/tenants/acme/keys").body()).contains("DEPRECATED");
        assertProblem(admin.postJson("api/admin/tenants/acme/keys/" + oldId + "/rotate", "{}"), 409, "CONFLICT");

        String freshId = rotated.json().getString("id");
        assertThat(admin.delete("api/admin/tenants/acme/keys/" + freshId).json().getString("status")).isEqualTo("REVOKED");
        assertProblem(anonymous.withKey(fresh).get("api/collections"), 401, "AUTH_INVALID_KEY");
    }

    @Test
    void badAdministrationInputIsAProblemNeverA404OrA500() {
        for (String expiry : List.of("+10000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z", "2001-01-01T00:00:00Z")) {
            assertProblem(admin.postJson("api/admin/tenants/acme/keys", "{\"permissions\":[\"READ_ONLY\"],\"expires_at\":\"" + expiry + "\"}"),
                    400, "VALIDATION_ERROR");
        }
        for (String limit : List.of("abc", "1e3", "0", "1001", "99999999999")) {
            assertProblem(admin.get("api/admin/audit?limit=" + limit), 400, "VALIDATION_ERROR");
        }
        assertProblem(admin.get("api/admin/audit?tenant=../etc"), 400, "VALIDATION_ERROR");
    }

    @Test
    void idsWithAMeaningCannotBeTaken() {
        for (String id : List.of("default", "Default", "admin", "system")) {
            assertProblem(admin.postJson("api/admin/tenants", "{\"id\":\"" + id + "\",\"name\":\"Taken\"}"), 400, "VALIDATION_ERROR");
        }
        assertProblem(admin.get("api/admin/tenants/default"), 404, "NOT_FOUND");
    }

    @Test
    void expiredKeysStopWorking() throws Exception {
        Http.Answer issued = admin.postJson("api/admin/tenants/acme/keys",
                "{\"permissions\":[\"READ_ONLY\"],\"expires_at\":\"" + Instant.now().plusSeconds(5) + "\"}");
        Http shortLived = anonymous.withKey(issued.json().getString("key"));
        assertThat(shortLived.get("api/collections").status()).isEqualTo(200);
        Thread.sleep(5500);
        assertProblem(shortLived.get("api/collections"), 401, "AUTH_INVALID_KEY");
    }

    @Test
    void deletingATenantRemovesItsDataFilesAndKeys() {
        assertThat(admin.postJson("api/admin/tenants", "{\"id\":\"doomed\",\"name\":\"Doomed\"}").status()).isEqualTo(201);
        Http doomed = anonymous.withKey(issueKey("doomed", "READ_WRITE"));
        assertThat(doomed.postJson("api/collections", "{\"name\":\"c\",\"dimension\":2}").status()).isEqualTo(201);
        assertThat(doomed.postJson("api/collections/c/vectors", "{\"vectors\":[{\"id\":\"v\",\"vector\":[1,2]}]}").status()).isEqualTo(200);
        Path onDisk = workDir.resolve("data/tenants/doomed");
        assertThat(onDisk).exists();

        assertThat(admin.delete("api/admin/tenants/doomed").status()).isEqualTo(204);

        assertThat(onDisk).doesNotExist();
        assertProblem(doomed.get("api/collections"), 401, "AUTH_INVALID_KEY");
        assertProblem(admin.get("api/admin/tenants/doomed"), 404, "NOT_FOUND");
    }

    @Test
    void theAdministratorKeepsATenantsKeysToTheAddressesItsAccessListAllows() {
        assertThat(admin.postJson("api/admin/tenants", "{\"id\":\"walled\",\"name\":\"Walled\"}").status()).isEqualTo(201);
        String key = issueKey("walled", "READ_ONLY");
        Http.Answer set = admin.put("api/admin/tenants/walled/access-list", "{\"allow\":[\"127.0.0.0/30\"],\"deny\":[\"127.0.0.2\"]}");
        assertThat(set.json().getJsonArray("deny").getString(0)).as(set.body()).isEqualTo("127.0.0.2/32");

        assertThat(from("127.0.0.1", key).status()).isEqualTo(200);
        assertProblem(from("127.0.0.2", key), 403, "FORBIDDEN");
        assertProblem(from("127.0.0.5", key), 403, "FORBIDDEN");
        assertThat(admin.get("api/admin/tenants/walled/access-list").json().getJsonArray("allow").getString(0)).isEqualTo("127.0.0.0/30");
        assertProblem(anonymous.withKey(key).put("api/admin/tenants/walled/access-list", "{}"), 403, "FORBIDDEN");
        assertProblem(admin.put("api/admin/tenants/walled/access-list", "{\"allow\":[\"127.0.0.1/8\"]}"), 400, "VALIDATION_ERROR");
        assertThat(admin.put("api/admin/tenants/walled/access-list", "{}").status()).isEqualTo(200);
        assertThat(from("127.0.0.5", key).status()).as("an empty list lets everyone in again").isEqualTo(200);
    }

    private Http.Answer from(String local, String key) {
        return anonymous.from(local).withKey(key).get("api/collections");
    }

    @Test
    void securityActionsAreAudited() {
        String key = issueKey("globex", "READ_ONLY");
        String keyId = key.substring("hh_live_".length(), "hh_live_".length() + 12);
        admin.delete("api/admin/tenants/globex/keys/" + keyId);
        anonymous.withKey(key).get("api/collections");

        JsonObject latest = admin.get("api/admin/audit?tenant=globex&limit=2").json();
        assertThat(latest.getJsonArray("events").stream().map(e -> e.asJsonObject().getString("action")))
                .containsExactlyInAnyOrder("KEY_REVOKE", "KEY_CREATE");
        assertThat(latest.getJsonArray("events").getJsonObject(0).getString("target")).isEqualTo(keyId);
        assertThat(admin.get("api/admin/audit?limit=5").body()).contains("AUTH_FAILURE").contains("key:" + keyId);
        assertProblem(as.get("globex").get("api/admin/audit"), 403, "FORBIDDEN");
    }

    @Test
    void refusedRequestsAreCountedInMetrics() {
        assertProblem(anonymous.get("api/collections/shared"), 401, "AUTH_MISSING_KEY");
        assertProblem(anonymous.withKey(issueKey("acme", "READ_ONLY")).delete("api/collections/shared"), 403, "FORBIDDEN");
        String metrics = anonymous.get("metrics?scope=application").body();
        assertThat(metrics)
                .containsPattern("vectorizer_requests_seconds_count\\{[^}]*operation=\"CollectionsResource.get\"[^}]*status=\"401\"")
                .containsPattern("vectorizer_requests_seconds_count\\{[^}]*operation=\"CollectionsResource.delete\"[^}]*status=\"403\"");
    }

    @Test
    void answersCarrySecurityHeaders() {
        Http.Answer answer = as.get("acme").get("api/collections");
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(answer.headers().firstValue("Referrer-Policy")).isPresent();
        assertThat(answer.headers().firstValue("Permissions-Policy")).isPresent();
    }

    /** Every tenant route, as a function of the collection it aims at (HubModeIT runs the same matrix). */
    static List<Function<String, Http.Answer>> routes(Http http) {
        return List.of(
                c -> http.get("api/collections/" + c),
                c -> http.delete("api/collections/" + c),
                c -> http.postJson("api/collections/" + c + "/vectors", "{\"vectors\":[{\"id\":\"x\",\"vector\":[0,0,1]}]}"),
                c -> http.get("api/collections/" + c + "/vectors/x"),
                c -> http.put("api/collections/" + c + "/vectors/x", "{\"vector\":[0,0,1]}"),
                c -> http.delete("api/collections/" + c + "/vectors/x"),
                c -> http.postJson("api/collections/" + c + "/vectors/delete", "{\"ids\":[\"x\"]}"),
                c -> http.postJson("api/collections/" + c + "/vectors/delete", "{\"filter\":{\"must\":[{\"key\":\"owner\",\"match\":\"acme\"}]}}"),
                c -> http.postJson("api/collections/" + c + "/insert_text", "{\"id\":\"t\",\"text\":\"hello\"}"),
                c -> http.postJson("api/collections/" + c + "/search", "{\"vector\":[1,0,0]}"),
                c -> http.postJson("api/collections/" + c + "/search/batch", "{\"searches\":[{\"vector\":[1,0,0]}]}"),
                c -> http.postJson("api/collections/" + c + "/search/hybrid", "{\"text\":\"hello\",\"vector\":[1,0,0]}"),
                c -> http.postJson("api/collections/" + c + "/scroll", "{}"));
    }
}
