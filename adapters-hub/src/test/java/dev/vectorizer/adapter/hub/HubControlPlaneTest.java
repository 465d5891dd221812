package dev.vectorizer.adapter.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.hub.HubUnavailableException;
import dev.vectorizer.domain.json.ErrorType;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.quota.QuotaCheck;
import dev.vectorizer.domain.quota.QuotaDecision;
import dev.vectorizer.domain.quota.QuotaExceededException;
import dev.vectorizer.domain.usage.CollectionUsage;
import dev.vectorizer.domain.usage.OperationLogEntry;
import dev.vectorizer.domain.usage.UsageReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The control-plane ports in hub mode (quota, quota check, usage reports, operation log) against a
 * real HTTP server standing in for HiveHub, on a clock the test moves (quota TTL 60 s, grace 120 s).
 */
class HubControlPlaneTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final String ACME_QUOTA = "/api/v1/tenants/acme/quota";

    private final TestClock clock = new TestClock();
    private HiveHubStandIn hub;
    private HubClient client;

    @BeforeEach
    void start() throws Exception {
        hub = HiveHubStandIn.start(HubClientTest.SERVICE_KEY);
        client = new HubClient(HubClientTest.settings(hub.url(), HubClientTest.SERVICE_KEY), clock);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private static String quota(long maxVectors, long rpm) {
        return "{\"max_collections\":null,\"max_vectors\":" + maxVectors + ",\"max_storage_bytes\":null,\"rpm\":" + rpm + ",\"rph\":null,\"rpd\":null}";
    }

    @Test
    void aTenantsQuotaIsHiveHubsFetchedOnceAndChangedAfterTheCacheWindow() {
        HubTenantQuotas quotas = new HubTenantQuotas(client);
        hub.quota("acme", quota(1000, 60));

        assertThat(quotas.quotaOf(ACME)).isEqualTo(new Quota(Map.of(Limit.MAX_VECTORS, 1000L, Limit.RPM, 60L)));
        hub.quota("acme", quota(5000, 60));
        clock.advance(Duration.ofSeconds(59));
        assertThat(quotas.quotaOf(ACME).limit(Limit.MAX_VECTORS)).as("within the cache window").hasValue(1000);
        assertThat(hub.calls(ACME_QUOTA)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        assertThat(quotas.quotaOf(ACME).limit(Limit.MAX_VECTORS)).as("after it: HiveHub's new quota").hasValue(5000);
        assertThat(hub.calls(ACME_QUOTA)).isEqualTo(2);
        assertThat(quotas.quotaOf(new TenantId("globex"))).as("a tenant HiveHub sets nothing for").isEqualTo(Quota.NONE);
    }

    @Test
    void whileHiveHubIsDownAKeptQuotaServesForItsGraceThenTheTenantFailsClosed() {
        HubTenantQuotas quotas = new HubTenantQuotas(client);
        hub.quota("acme", quota(1000, 60));
        quotas.quotaOf(ACME);
        hub.down();

        clock.advance(Duration.ofSeconds(61 + 60));
        assertThat(quotas.quotaOf(ACME).limit(Limit.MAX_VECTORS)).as("past its TTL, within the grace").hasValue(1000);
        clock.advance(Duration.ofSeconds(60));
        assertThatThrownBy(() -> quotas.quotaOf(ACME)).as("past the grace").isInstanceOf(HubUnavailableException.class);
        assertThatThrownBy(() -> quotas.quotaOf(new TenantId("globex"))).as("never fetched").isInstanceOf(HubUnavailableException.class);
    }

    @Test
    void hiveHubsNoIsTheQuotaRefusalWithItsFiguresAndNoAnswerFailsClosed() {
        HubQuotaApprovals approvals = new HubQuotaApprovals(client);
        QuotaCheck check = new QuotaCheck(ACME, QuotaCheck.Operation.INSERT_VECTORS, 7);
        assertThat(approvals.check(check).allowed()).isTrue();

        hub.denyNextQuotaCheck();
        QuotaDecision denied = approvals.check(check);
        assertThat(denied.allowed()).isFalse();
        QuotaExceededException refusal = denied.refusal(check);
        assertThat(ErrorType.of(refusal)).isEqualTo(ErrorType.QUOTA_EXCEEDED);
        assertThat(ErrorType.of(refusal).status()).isEqualTo(429);
        assertThat(List.of(refusal.quota(), refusal.limit(), refusal.used(), refusal.requested())).as("HiveHub: limit 100, 0 remaining")
                .containsExactly(Limit.MAX_VECTORS, 100L, 100L, 7L);
        assertThat(hub.calls("/api/v1/quota/check")).as("never cached").isEqualTo(2);

        hub.down();
        assertThatThrownBy(() -> approvals.check(check)).isInstanceOf(HubUnavailableException.class);
    }

    @Test
    void aUsageReportIsDeliveredOnlyWhenHiveHubTakesItAndOnceItDid() throws Exception {
        HubUsageReports reports = new HubUsageReports(client);
        UsageReport report = new UsageReport("report-1", ACME, clock.instant().minusSeconds(300), clock.instant(),
                List.of(new CollectionUsage(new CollectionName("docs"), 10, 4096)), 42, false);
        hub.down();
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> reports.deliver(report)).as("not delivered: the outbox keeps it").isInstanceOf(HubUnavailableException.class);
        }
        hub.up();
        clock.advance(Duration.ofSeconds(30)); // the breaker lets the next try through

        reports.deliver(report);

        assertThat(hub.usageReportIds()).containsExactly("report-1");
    }

    @Test
    void operationLogBatchesGoToHiveHubWithTheirEntryIds() {
        HubOperationLogs logs = new HubOperationLogs(client);
        logs.deliver(List.of());
        assertThat(hub.calls("/api/v1/vectorizer/logs")).as("nothing to send, no call").isZero();

        logs.deliver(List.of(new OperationLogEntry("entry-1", clock.instant(), ACME, OperationLogEntry.Kind.INSERT_VECTORS,
                Optional.of(new CollectionName("docs")), OperationLogEntry.Outcome.QUOTA_EXCEEDED)));

        assertThat(hub.logBatches()).singleElement().asString().contains("\"entry_id\":\"entry-1\"", "\"operation\":\"insert_vectors\"",
                "\"outcome\":\"quota_exceeded\"", "\"collection\":\"docs\"");
        hub.down();
        assertThatThrownBy(() -> logs.deliver(List.of(new OperationLogEntry("entry-2", clock.instant(), ACME,
                OperationLogEntry.Kind.DELETE_COLLECTION, Optional.empty(), OperationLogEntry.Outcome.SUCCESS))))
                .isInstanceOf(HubUnavailableException.class);
    }
}
