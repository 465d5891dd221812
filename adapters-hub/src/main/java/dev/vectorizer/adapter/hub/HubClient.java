package dev.vectorizer.adapter.hub;

import dev.vectorizer.application.port.out.MetricsPort;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.hub.HubCall;
import dev.vectorizer.domain.hub.HubStatus;
import dev.vectorizer.domain.hub.KeyVerdict;
import dev.vectorizer.domain.json.UsageJson;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.quota.QuotaCheck;
import dev.vectorizer.domain.quota.QuotaDecision;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import dev.vectorizer.domain.usage.OperationLogEntry;
import dev.vectorizer.domain.usage.UsageReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The calls of HiveHub's contract (docs/HUB_INTEGRATION.md), typed. Each either returns HiveHub's
 * answer or throws {@link dev.vectorizer.domain.hub.HubUnavailableException}; none ever guesses.
 * Key validation, quota reads and checks, and usage reports (idempotent by their
 * {@code report_id}) are retried; operation logs are not (a retried batch could be logged twice).
 * A tenant's quota is kept for {@code vectorizer.hub.cache.quota-ttl} (plus the grace while HiveHub
 * cannot answer), one call for concurrent asks. The outbound ports of quotas, usage and logs are
 * implemented on these methods.
 */
@ApplicationScoped
public class HubClient {

    private static final Set<Integer> OK = Set.of(200);
    private static final Set<Integer> ACCEPTED = Set.of(200, 202, 204);
    /** HiveHub already has this report: it was delivered before, which is what a retry wanted. */
    private static final Set<Integer> REPORT_TAKEN = Set.of(200, 202, 204, 409);

    private final HubHttp http;
    private final AnswerCache<TenantId, Quota> quotas;

    @Inject
    public HubClient(HubClientSettings settings, MetricsPort metrics) {
        this(settings, Clock.systemUTC(), metrics::hubCalled);
    }

    /** Without metrics: for the tests of the client. */
    HubClient(HubClientSettings settings, Clock clock) {
        this(settings, clock, (call, succeeded, took) -> {
        });
    }

    private HubClient(HubClientSettings settings, Clock clock, HubHttp.CallObserver observer) {
        this.http = new HubHttp(settings, clock, observer);
        this.quotas = new AnswerCache<>(clock, settings.maxEntries(), quota -> settings.quotaTtl(), quota -> settings.grace());
    }

    /** For the CDI client proxy only. */
    protected HubClient() {
        this.http = null;
        this.quotas = null;
    }

    /** HiveHub's verdict on {@code key}, asked now ({@code POST /api/v1/keys/validate}); never the key in a log. */
    public KeyVerdict validateKey(ApiKeySecret key) {
        return http.call(HubCall.VALIDATE_KEY, "POST", "api/v1/keys/validate", Optional.of(HubWire.validateRequest(key)), true, OK, HubWire::verdict);
    }

    /** The tenant's limits ({@code GET /api/v1/tenants/{id}/quota}), cached. */
    public Quota tenantQuota(TenantId tenant) {
        return quotas.get(tenant, () -> http.call(HubCall.TENANT_QUOTA, "GET",
                "api/v1/tenants/" + URLEncoder.encode(tenant.value(), StandardCharsets.UTF_8) + "/quota", Optional.empty(), true, OK,
                HubWire::quota)).value();
    }

    /** Whether HiveHub allows an operation now ({@code POST /api/v1/quota/check}), never cached. */
    public QuotaDecision checkQuota(QuotaCheck check) {
        return http.call(HubCall.QUOTA_CHECK, "POST", "api/v1/quota/check", Optional.of(HubWire.check(check)), true, OK, HubWire::decision);
    }

    /** Delivers one usage report ({@code POST /api/v1/usage}); safe to repeat, HiveHub counts a {@code report_id} once. */
    public void reportUsage(UsageReport report) {
        http.call(HubCall.USAGE_REPORT, "POST", "api/v1/usage", Optional.of(UsageJson.report(report)), true, REPORT_TAKEN, body -> Boolean.TRUE);
    }

    /**
     * Delivers a batch of the operation log ({@code POST /api/v1/vectorizer/logs}); not retried here
     * (the outbox that holds the entries sends a failed batch again later).
     */
    public void sendLogs(List<OperationLogEntry> entries) {
        http.call(HubCall.OPERATION_LOG, "POST", "api/v1/vectorizer/logs", Optional.of(UsageJson.operations(entries)), false, ACCEPTED,
                body -> Boolean.TRUE);
    }

    /** Connectivity, breaker and call statistics, with {@code cachedKeys} as the caller counts them. */
    HubStatus status(int cachedKeys) {
        HubStatus.Breaker breaker = http.breakerState();
        CallStatistics stats = http.statistics();
        boolean lastFailed = stats.lastFailure().filter(f -> stats.lastSuccess().map(f::isAfter).orElse(true)).isPresent();
        HubStatus.Connectivity connectivity = breaker != HubStatus.Breaker.CLOSED ? HubStatus.Connectivity.DOWN
                : lastFailed ? HubStatus.Connectivity.DEGRADED : HubStatus.Connectivity.UP;
        return new HubStatus(connectivity, breaker, stats.lastSuccess(), stats.lastFailure(), cachedKeys, stats.snapshot());
    }

    /**
     * True if a probe would tell something: the breaker waits for its trial call, or it is closed
     * and HiveHub has not been heard from within {@code interval}.
     */
    boolean wantsProbe(Duration interval) {
        return switch (http.breakerState()) {
            case HALF_OPEN -> true;
            case OPEN -> false;
            case CLOSED -> http.statistics().lastContact().map(last -> last.plus(interval).isBefore(http.now())).orElse(true);
        };
    }
}
