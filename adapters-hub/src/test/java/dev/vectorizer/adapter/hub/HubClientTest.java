package dev.vectorizer.adapter.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.hub.HubCall;
import dev.vectorizer.domain.hub.HubKey;
import dev.vectorizer.domain.hub.HubStatus;
import dev.vectorizer.domain.hub.HubUnavailableException;
import dev.vectorizer.domain.hub.KeyVerdict;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.quota.QuotaCheck;
import dev.vectorizer.domain.quota.QuotaDecision;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.usage.CollectionUsage;
import dev.vectorizer.domain.usage.OperationLogEntry;
import dev.vectorizer.domain.usage.UsageReport;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HiveHub client against a real HTTP server standing in for HiveHub: the calls of the contract, retries, the breaker. */
class HubClientTest {

    static final String SERVICE_KEY = "hub-service-key-for-tests";

    private final TestClock clock = new TestClock();
    private HiveHubStandIn hub;

    /** Timeouts a loopback call meets even on a box loaded many times over (a shorter one failed a test there once). */
    static HubClientSettings settings(URI url, String serviceKey) {
        return new HubClientSettings(Optional.of(url), serviceKey, Duration.ofSeconds(2), Duration.ofSeconds(2), 2, Duration.ofMillis(10), 3,
                Duration.ofSeconds(30), Duration.ofSeconds(300), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120), 100,
                Duration.ofSeconds(30));
    }

    private HubClient client() throws Exception {
        hub = HiveHubStandIn.start(SERVICE_KEY);
        return new HubClient(settings(hub.url(), SERVICE_KEY), clock);
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private static ApiKeySecret secret(String key) {
        return ApiKeySecret.parse(key).orElseThrow();
    }

    @Test
    void aValidKeyIsReadWithEverythingHiveHubSaysOfIt() throws Exception {
        HubClient client = client();
        Instant expiry = Instant.parse("2027-01-01T00:00:00Z");
        String key = hub.addKey(new HiveHubStandIn.Key("acme", "Acme Inc.", "k-123", List.of("READ_ONLY", "SOMETHING_NEW"), true, expiry, 60L, null,
                5000L));

        KeyVerdict verdict = client.validateKey(secret(key));

        assertThat(verdict).isInstanceOfSatisfying(KeyVerdict.Valid.class, v -> {
            HubKey k = v.key();
            assertThat(k.tenant()).isEqualTo(new TenantId("acme"));
            assertThat(k.tenantName()).isEqualTo("Acme Inc.");
            assertThat(k.keyId()).isEqualTo("k-123");
            assertThat(k.permissions()).as("an unknown permission grants nothing").containsExactly(Permission.READ_ONLY);
            assertThat(k.test()).isTrue();
            assertThat(k.expiresAt()).contains(expiry);
            assertThat(k.rateLimits().perMinute()).isEqualTo(OptionalLong.of(60));
            assertThat(k.rateLimits().perHour()).isEmpty();
            assertThat(k.rateLimits().perDay()).isEqualTo(OptionalLong.of(5000));
        });
        assertThat(client.validateKey(secret(ApiKeySecret.generate(false).reveal()))).isEqualTo(new KeyVerdict.Invalid("unknown"));
        hub.revoke(key);
        assertThat(client.validateKey(secret(key))).isEqualTo(new KeyVerdict.Invalid("revoked"));
    }

    @Test
    void everyBrokenAnswerIsUnavailabilityNeverAVerdict() throws Exception {
        HubClient client = client();
        String key = hub.addKey("acme", "Acme");
        for (HiveHubStandIn.Behaviour broken : List.of(HiveHubStandIn.Behaviour.ERROR_500, HiveHubStandIn.Behaviour.MALFORMED_JSON,
                HiveHubStandIn.Behaviour.WRONG_SHAPE, HiveHubStandIn.Behaviour.SLOW)) {
            hub.behave(broken);
            hub.slowness(Duration.ofSeconds(4)); // beyond the request timeout
            HubClient fresh = new HubClient(settings(hub.url(), SERVICE_KEY), clock);
            assertThatThrownBy(() -> fresh.validateKey(secret(key))).as(broken.name()).isInstanceOf(HubUnavailableException.class);
        }
        hub.behave(HiveHubStandIn.Behaviour.NORMAL);
        HubClient wrongServiceKey = new HubClient(settings(hub.url(), "not-our-service-key"), clock);
        assertThatThrownBy(() -> wrongServiceKey.validateKey(secret(key))).as("401 from HiveHub").isInstanceOf(HubUnavailableException.class);
        hub.down();
        assertThatThrownBy(() -> client.validateKey(secret(key))).as("connection refused").isInstanceOf(HubUnavailableException.class);
        HubClient unconfigured = new HubClient(new HubClientSettings(Optional.empty(), "", Duration.ofSeconds(1), Duration.ofSeconds(1), 0,
                Duration.ZERO, 1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO, 1,
                Duration.ofSeconds(1)), clock);
        assertThatThrownBy(() -> unconfigured.validateKey(secret(key))).isInstanceOf(HubUnavailableException.class);
    }

    @Test
    void idempotentCallsAreRetriedAndTheOperationLogIsNot() throws Exception {
        HubClient client = client();
        hub.behave(HiveHubStandIn.Behaviour.ERROR_500);

        assertThatThrownBy(() -> client.validateKey(secret(hub.addKey("acme", "Acme")))).isInstanceOf(HubUnavailableException.class);
        assertThatThrownBy(() -> client.sendLogs(List.of(logEntry(new TenantId("acme"))))).isInstanceOf(HubUnavailableException.class);

        assertThat(hub.validations()).as("1 + 2 retries").isEqualTo(3);
        assertThat(hub.calls("/api/v1/vectorizer/logs")).isEqualTo(1);
    }

    @Test
    void theBreakerOpensAfterConsecutiveFailuresAndATrialClosesIt() throws Exception {
        HubClient client = client();
        String key = hub.addKey("acme", "Acme");
        hub.down();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.validateKey(secret(key))).isInstanceOf(HubUnavailableException.class);
        }
        assertThat(client.status(0).breaker()).isEqualTo(HubStatus.Breaker.OPEN);
        assertThat(client.status(0).connectivity()).isEqualTo(HubStatus.Connectivity.DOWN);
        assertThat(client.status(0).canServe()).isFalse();
        assertThat(client.status(1).canServe()).as("cached verdicts stand in").isTrue();
        hub.up();
        int before = hub.validations();
        assertThatThrownBy(() -> client.validateKey(secret(key))).as("open: not even tried")
                .isInstanceOfSatisfying(HubUnavailableException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo(30));
        assertThat(hub.validations()).isEqualTo(before);

        clock.advance(Duration.ofSeconds(30));
        assertThat(client.status(0).breaker()).isEqualTo(HubStatus.Breaker.HALF_OPEN);
        assertThat(client.validateKey(secret(key))).isInstanceOf(KeyVerdict.Valid.class);
        HubStatus status = client.status(0);
        assertThat(status.breaker()).isEqualTo(HubStatus.Breaker.CLOSED);
        assertThat(status.connectivity()).isEqualTo(HubStatus.Connectivity.UP);
        assertThat(status.lastSuccess()).contains(clock.instant());
        assertThat(status.calls().get(HubCall.VALIDATE_KEY).succeeded()).isEqualTo(1);
        assertThat(status.calls().get(HubCall.VALIDATE_KEY).failed()).isEqualTo(3);
    }

    @Test
    void aFailedTrialOpensTheBreakerAgain() throws Exception {
        HubClient client = client();
        String key = hub.addKey("acme", "Acme");
        hub.behave(HiveHubStandIn.Behaviour.MALFORMED_JSON);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.validateKey(secret(key))).isInstanceOf(HubUnavailableException.class);
        }
        clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> client.validateKey(secret(key))).isInstanceOf(HubUnavailableException.class);
        assertThat(client.status(0).breaker()).isEqualTo(HubStatus.Breaker.OPEN);
    }

    private OperationLogEntry logEntry(TenantId tenant) {
        return new OperationLogEntry("e-1", clock.instant(), tenant, OperationLogEntry.Kind.CREATE_COLLECTION, Optional.of(new CollectionName("docs")),
                OperationLogEntry.Outcome.SUCCESS);
    }

    @Test
    void quotasAreReadStrictlyAndCachedAndChecksUsageAndLogsDelivered() throws Exception {
        HubClient client = client();
        TenantId acme = new TenantId("acme");
        hub.quota("acme", "{\"max_collections\":10,\"max_vectors\":1000000,\"max_storage_bytes\":null,\"rpm\":600,\"rph\":null,\"rpd\":null}");

        Quota quota = client.tenantQuota(acme);
        client.tenantQuota(acme);

        assertThat(quota).as("null: HiveHub sets no limit").isEqualTo(new Quota(Map.of(Limit.MAX_COLLECTIONS, 10L, Limit.MAX_VECTORS, 1_000_000L,
                Limit.RPM, 600L)));
        assertThat(hub.calls("/api/v1/tenants/acme/quota")).as("cached").isEqualTo(1);
        clock.advance(Duration.ofSeconds(61));
        client.tenantQuota(acme);
        assertThat(hub.calls("/api/v1/tenants/acme/quota")).isEqualTo(2);
        hub.quota("globex", "{\"max_collections\":10}");
        assertThatThrownBy(() -> client.tenantQuota(new TenantId("globex"))).as("fields missing: another shape, not 'no limit'")
                .isInstanceOf(HubUnavailableException.class);
        hub.quota("initech", "{\"max_collections\":null,\"max_vectors\":null,\"max_storage_bytes\":null,\"rpm\":0,\"rph\":null,\"rpd\":null}");
        assertThatThrownBy(() -> client.tenantQuota(new TenantId("initech"))).as("a rate of 0 is no rate this server can apply")
                .isInstanceOf(HubUnavailableException.class);

        assertThat(client.checkQuota(new QuotaCheck(acme, QuotaCheck.Operation.INSERT_VECTORS, 100)).allowed()).isTrue();
        hub.denyNextQuotaCheck();
        QuotaDecision denied = client.checkQuota(new QuotaCheck(acme, QuotaCheck.Operation.CREATE_COLLECTION, 1));
        assertThat(denied).isEqualTo(new QuotaDecision(false, OptionalLong.of(100), OptionalLong.of(0)));

        UsageReport report = new UsageReport("r-1", acme, clock.instant().minusSeconds(300), clock.instant(),
                List.of(new CollectionUsage(new CollectionName("docs"), 10, 4096)), 42, false);
        client.reportUsage(report);
        client.reportUsage(report);
        assertThat(hub.usageReportIds()).containsExactly("r-1", "r-1");
        client.sendLogs(List.of(logEntry(acme)));
        assertThat(hub.logBatches()).singleElement().asString().contains("\"operation\":\"create_collection\"", "\"tenant_id\":\"acme\"",
                "\"entry_id\":\"e-1\"");
    }
}
