package dev.vectorizer.application.usage;

import dev.vectorizer.application.UsageSettings;
import dev.vectorizer.application.port.out.MetricsPort;
import dev.vectorizer.application.port.out.OperationLogSinkPort;
import dev.vectorizer.application.port.out.UsageOutboxPort;
import dev.vectorizer.application.port.out.UsageReportSinkPort;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.usage.OperationLogEntry;
import dev.vectorizer.domain.usage.UsageReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Usage reporting through the durable outbox ({@link UsageOutboxPort}). Every
 * {@code reportInterval} each tenant that made requests since its last report gets a report,
 * sealed in one transaction with the requests it covers (so a request is in exactly one report);
 * a deleted tenant gets a final one. Reports and operation log entries are delivered to the control
 * plane's sinks and removed from the outbox once accepted; a failed delivery is retried with
 * exponential backoff (1 s doubling up to the report interval, with jitter) for as long as it takes,
 * across restarts. A report can arrive twice (a crash between its acceptance and its removal), with
 * the same {@code report_id}, which the receiver counts once.
 *
 * <p>Also keeps the request counts flushed ({@link RequestCounter}) and the usage gauges and
 * per-tenant series of {@link MetricsPort} fed.
 */
@ApplicationScoped
public class UsageReporting {

    private static final Logger LOG = Logger.getLogger(UsageReporting.class.getName());
    private static final int REPORT_BATCH = 100;
    private static final int OPERATION_BATCH = 500;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration ACTIVE_WITHIN = Duration.ofMinutes(5);

    private final UsageSettings settings;
    private final RequestCounter requests;
    private final QuotaLedger ledger;
    private final UsageOutboxPort outbox;
    private final UsageReportSinkPort reportSink;
    private final OperationLogSinkPort operationSink;
    private final MetricsPort metrics;
    private final VectorIndexPort index;
    private final Clock clock;
    private ScheduledExecutorService scheduler;
    private int operationFailures;
    private Instant operationsRetryAt = Instant.MIN;

    @Inject
    public UsageReporting(UsageSettings settings, RequestCounter requests, QuotaLedger ledger, UsageOutboxPort outbox, UsageReportSinkPort reportSink,
            OperationLogSinkPort operationSink, MetricsPort metrics, VectorIndexPort index) {
        this(settings, requests, ledger, outbox, reportSink, operationSink, metrics, index, Clock.systemUTC());
    }

    public UsageReporting(UsageSettings settings, RequestCounter requests, QuotaLedger ledger, UsageOutboxPort outbox, UsageReportSinkPort reportSink,
            OperationLogSinkPort operationSink, MetricsPort metrics, VectorIndexPort index, Clock clock) {
        this.settings = settings;
        this.requests = requests;
        this.ledger = ledger;
        this.outbox = outbox;
        this.reportSink = reportSink;
        this.operationSink = operationSink;
        this.metrics = metrics;
        this.index = index;
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected UsageReporting() {
        this(null, null, null, null, null, null, null, null, null);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        metrics.watch(gauges());
        scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "vectorizer-usage");
            thread.setDaemon(true);
            return thread;
        });
        every(settings.flushInterval(), () -> {
            requests.flush();
            publishTenantSeries();
        });
        every(settings.reportInterval(), this::sealReports);
        every(FIRST_RETRY, this::deliver);
    }

    /** What the usage gauges read: the outbox's backlog, the open collections, the tenants active in the last 5 minutes. */
    public MetricsPort.Gauges gauges() {
        return new MetricsPort.Gauges() {
            @Override
            public long pendingUsageReports() {
                return outbox.pendingReports();
            }

            @Override
            public long pendingOperationLogs() {
                return outbox.pendingOperations();
            }

            @Override
            public long openCollections() {
                return index.openCount();
            }

            @Override
            public long activeTenants() {
                return requests.activeTenants(ACTIVE_WITHIN);
            }
        };
    }

    private void every(Duration period, Runnable task) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "usage reporting task failed; it runs again in " + period, e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the tasks and writes the last request counts. */
    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        }
        try {
            requests.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not write the last request counts", e);
        }
    }

    /** Seals a report for every tenant with requests since its last one. */
    public void sealReports() {
        requests.flush();
        Instant now = clock.instant();
        for (TenantId tenant : outbox.tenantsWithUnreportedRequests()) {
            outbox.seal(UUID.randomUUID().toString(), tenant, now, ledger.usage(tenant), false);
        }
    }

    /**
     * Seals the final report of a tenant being deleted: its requests not yet reported and what it
     * holds before its collections go. Its id follows from the tenant, so sealing it again (a deletion
     * resumed after a crash) changes nothing.
     */
    public void finalReport(Tenant tenant) {
        requests.flush();
        String id = UUID.nameUUIDFromBytes(("final:" + tenant.id().value() + ":" + tenant.createdAt().toEpochMilli())
                .getBytes(StandardCharsets.UTF_8)).toString();
        outbox.seal(id, tenant.id(), clock.instant(), ledger.usage(tenant.id()), true);
        requests.forget(tenant.id());
    }

    /** Delivers the reports that are due and a batch of operation log entries; failures wait for their backoff. */
    public void deliver() {
        Instant now = clock.instant();
        for (UsageOutboxPort.PendingReport pending : outbox.dueReports(now, REPORT_BATCH)) {
            UsageReport report = pending.report();
            try {
                reportSink.deliver(report);
                outbox.reportDelivered(report.reportId());
                metrics.delivery(MetricsPort.Stream.USAGE_REPORTS, true, 1);
            } catch (RuntimeException e) {
                int attempts = pending.failedAttempts() + 1;
                outbox.reportFailed(report.reportId(), now.plus(backoff(attempts)));
                metrics.delivery(MetricsPort.Stream.USAGE_REPORTS, false, 1);
                LOG.log(Level.FINE, "usage report " + report.reportId() + " not delivered (attempt " + attempts + ")", e);
                break; // the receiver is likely down: the others wait for the next round rather than fail one by one
            }
        }
        if (now.isBefore(operationsRetryAt)) {
            return;
        }
        List<OperationLogEntry> entries = outbox.oldestOperations(OPERATION_BATCH);
        if (entries.isEmpty()) {
            return;
        }
        try {
            operationSink.deliver(entries);
            outbox.operationsDelivered(entries.stream().map(OperationLogEntry::entryId).toList());
            operationFailures = 0;
            metrics.delivery(MetricsPort.Stream.OPERATION_LOGS, true, entries.size());
        } catch (RuntimeException e) {
            operationFailures++;
            operationsRetryAt = now.plus(backoff(operationFailures));
            metrics.delivery(MetricsPort.Stream.OPERATION_LOGS, false, entries.size());
            LOG.log(Level.FINE, "operation log batch not delivered (attempt " + operationFailures + ")", e);
        }
    }

    /** 1 s doubling with each attempt, at most the report interval, give or take a fifth (so retries of many reports spread out). */
    private Duration backoff(int attempts) {
        long millis = FIRST_RETRY.toMillis() << Math.min(attempts - 1, 20);
        long capped = Math.min(millis, Math.max(FIRST_RETRY.toMillis(), settings.reportInterval().toMillis()));
        return Duration.ofMillis((long) (capped * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
    }

    /** Publishes the per-tenant series: the top tenants by stored bytes (of those loaded) and by requests today. */
    public void publishTenantSeries() {
        int top = settings.tenantSeries();
        if (top == 0) {
            return;
        }
        Map<TenantId, QuotaLedger.Totals> held = ledger.loadedTotals();
        Map<TenantId, Long> busiest = requests.busiestToday(top);
        Set<TenantId> chosen = new LinkedHashSet<>();
        held.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.comparingLong(QuotaLedger.Totals::bytes).reversed()))
                .limit(top).forEach(e -> chosen.add(e.getKey()));
        chosen.addAll(busiest.keySet());
        List<MetricsPort.TenantSample> samples = new ArrayList<>();
        for (TenantId tenant : chosen) {
            QuotaLedger.Totals totals = held.getOrDefault(tenant, new QuotaLedger.Totals(0, 0, 0));
            long today = busiest.containsKey(tenant) ? busiest.get(tenant) : requests.requests(tenant).today();
            samples.add(new MetricsPort.TenantSample(tenant, totals.vectors(), totals.bytes(), today));
        }
        metrics.tenantSeries(samples);
    }
}
