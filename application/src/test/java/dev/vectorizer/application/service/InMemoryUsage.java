package dev.vectorizer.application.service;

import dev.vectorizer.application.UsageSettings;
import dev.vectorizer.application.port.out.CollectionCatalogPort;
import dev.vectorizer.application.port.out.MetricsPort;
import dev.vectorizer.application.port.out.OperationLogSinkPort;
import dev.vectorizer.application.port.out.RateCountersPort;
import dev.vectorizer.application.port.out.RequestCountsPort;
import dev.vectorizer.application.port.out.TenantQuotaPort;
import dev.vectorizer.application.port.out.UsageOutboxPort;
import dev.vectorizer.application.port.out.UsageReportSinkPort;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.application.usage.OperationLog;
import dev.vectorizer.application.usage.QuotaLedger;
import dev.vectorizer.application.usage.RateLimiter;
import dev.vectorizer.application.usage.RequestCounter;
import dev.vectorizer.application.usage.TenantLimits;
import dev.vectorizer.application.usage.UsageReporting;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.hub.HubCall;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.quota.QuotaDecision;
import dev.vectorizer.domain.quota.RateWindow;
import dev.vectorizer.domain.usage.CollectionUsage;
import dev.vectorizer.domain.usage.OperationLogEntry;
import dev.vectorizer.domain.usage.UsageReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The usage machinery (ledger, rate limiter, request counter, operation log, reporting) wired to
 * in-memory stand-ins of its outbound ports, for testing the use cases' quota and usage rules.
 */
final class InMemoryUsage {

    /** Counts what the application reports, by a readable key ({@code quota_refused:max_vectors}). */
    static final class Metrics implements MetricsPort {
        final Map<String, Long> counts = new ConcurrentHashMap<>();
        Gauges gauges;
        List<TenantSample> tenants = List.of();

        private void add(String key, long n) {
            counts.merge(key, n, Long::sum);
        }

        long count(String key) {
            return counts.getOrDefault(key, 0L);
        }

        @Override
        public void requestAnswered(String operation, int status, Duration elapsed) {
            add("answered:" + operation + ":" + status, 1);
        }

        @Override
        public void authenticationFailed(String reason) {
            add("auth_failed:" + reason, 1);
        }

        @Override
        public void quotaChecked(Limit quota, boolean refused) {
            add((refused ? "quota_refused:" : "quota_passed:") + quota.wireName(), 1);
        }

        @Override
        public void rateLimited(RateWindow window) {
            add("rate_limited:" + window, 1);
        }

        @Override
        public void delivery(Stream stream, boolean delivered, int items) {
            add(stream + (delivered ? ":delivered" : ":failed"), items);
        }

        @Override
        public void watch(Gauges watched) {
            this.gauges = watched;
        }

        @Override
        public void tenantSeries(List<TenantSample> samples) {
            this.tenants = List.copyOf(samples);
        }

        @Override
        public void watchHub(HubGauges watched) {
        }

        @Override
        public void hubCalled(HubCall call, boolean succeeded, Duration took) {
        }
    }

    /** Fixed-window counters in a map, atomic under one lock like the real adapter. */
    static final class Counters implements RateCountersPort {
        private final Map<String, Object[]> windows = new HashMap<>();

        private long current(Window w) {
            Object[] held = windows.get(w.key());
            return held != null && held[0].equals(w.start()) ? (Long) held[1] : 0;
        }

        @Override
        public synchronized Acquisition tryAcquire(List<Window> asked) {
            boolean room = asked.stream().allMatch(w -> current(w) < w.limit());
            List<Long> counts = new ArrayList<>();
            for (Window w : asked) {
                long count = current(w) + (room ? 1 : 0);
                windows.put(w.key(), new Object[] {w.start(), count});
                counts.add(count);
            }
            return new Acquisition(room, counts);
        }

        @Override
        public synchronized List<Long> peek(List<Window> asked) {
            return asked.stream().map(this::current).toList();
        }
    }

    /** The outbox and the durable request counts, in maps; "crash" keeps them (they are the durable part). */
    static final class Outbox implements UsageOutboxPort, RequestCountsPort {
        final Map<String, PendingReport> reports = new LinkedHashMap<>();
        final Map<String, Instant> retryAt = new HashMap<>();
        final Map<TenantId, Map<LocalDate, Long>> days = new HashMap<>();
        final Map<TenantId, Long> unreported = new TreeMap<>(Comparator.comparing(TenantId::value));
        final Map<TenantId, Instant> since = new HashMap<>();
        final Map<String, OperationLogEntry> operations = new LinkedHashMap<>();

        @Override
        public synchronized void add(Map<TenantId, Map<LocalDate, Long>> counts, Instant countedSince) {
            counts.forEach((tenant, perDay) -> perDay.forEach((day, n) -> {
                days.computeIfAbsent(tenant, t -> new HashMap<>()).merge(day, n, Long::sum);
                unreported.merge(tenant, n, Long::sum);
                since.putIfAbsent(tenant, countedSince);
            }));
        }

        @Override
        public synchronized long count(TenantId tenant, LocalDate from, LocalDate to) {
            return days.getOrDefault(tenant, Map.of()).entrySet().stream()
                    .filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to)).mapToLong(Map.Entry::getValue).sum();
        }

        @Override
        public synchronized Map<TenantId, Long> busiest(LocalDate day, int limit) {
            Map<TenantId, Long> busiest = new LinkedHashMap<>();
            days.entrySet().stream().filter(e -> e.getValue().containsKey(day))
                    .sorted(Comparator.comparing((Map.Entry<TenantId, Map<LocalDate, Long>> e) -> e.getValue().get(day)).reversed())
                    .limit(limit).forEach(e -> busiest.put(e.getKey(), e.getValue().get(day)));
            return busiest;
        }

        @Override
        public synchronized List<TenantId> tenantsWithUnreportedRequests() {
            return unreported.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
        }

        @Override
        public synchronized UsageReport seal(String reportId, TenantId tenant, Instant periodEnd, List<CollectionUsage> collections, boolean last) {
            if (reports.containsKey(reportId)) {
                return reports.get(reportId).report();
            }
            UsageReport report = new UsageReport(reportId, tenant, since.getOrDefault(tenant, periodEnd), periodEnd, collections,
                    unreported.getOrDefault(tenant, 0L), last);
            reports.put(reportId, new PendingReport(report, 0));
            if (last) {
                unreported.remove(tenant);
                since.remove(tenant);
            } else {
                unreported.put(tenant, 0L);
                since.put(tenant, periodEnd);
            }
            return report;
        }

        @Override
        public synchronized List<PendingReport> dueReports(Instant now, int limit) {
            return reports.values().stream().filter(p -> !retryAt.getOrDefault(p.report().reportId(), Instant.MIN).isAfter(now)).limit(limit).toList();
        }

        @Override
        public synchronized void reportDelivered(String reportId) {
            reports.remove(reportId);
        }

        @Override
        public synchronized void reportFailed(String reportId, Instant at) {
            PendingReport pending = reports.get(reportId);
            reports.put(reportId, new PendingReport(pending.report(), pending.failedAttempts() + 1));
            retryAt.put(reportId, at);
        }

        @Override
        public synchronized long pendingReports() {
            return reports.size();
        }

        @Override
        public synchronized void appendOperation(OperationLogEntry entry) {
            operations.put(entry.entryId(), entry);
        }

        @Override
        public synchronized List<OperationLogEntry> oldestOperations(int limit) {
            return operations.values().stream().limit(limit).toList();
        }

        @Override
        public synchronized void operationsDelivered(List<String> entryIds) {
            entryIds.forEach(operations::remove);
        }

        @Override
        public synchronized long pendingOperations() {
            return operations.size();
        }
    }

    /** A receiver that can be down, keeping what it accepted by id (as HiveHub does). */
    static final class Receiver implements UsageReportSinkPort, OperationLogSinkPort {
        volatile boolean down;
        final Map<String, UsageReport> reports = new LinkedHashMap<>();
        final Map<String, OperationLogEntry> entries = new LinkedHashMap<>();
        int deliveries;

        @Override
        public synchronized void deliver(UsageReport report) {
            refuseIfDown();
            deliveries++;
            reports.putIfAbsent(report.reportId(), report);
        }

        @Override
        public synchronized void deliver(List<OperationLogEntry> delivered) {
            refuseIfDown();
            delivered.forEach(e -> entries.putIfAbsent(e.entryId(), e));
        }

        private void refuseIfDown() {
            if (down) {
                throw new IllegalStateException("receiver down");
            }
        }
    }

    final Metrics metrics = new Metrics();
    final Counters counters = new Counters();
    final Outbox outbox;
    final Receiver receiver;
    final Map<TenantId, Quota> plans = new ConcurrentHashMap<>();
    final QuotaLedger ledger;
    final OperationLog operations;
    final RequestCounter requests;
    final RateLimiter limiter;
    final UsageReporting reporting;

    /** With the plans of {@link #plans}. */
    InMemoryUsage(CollectionCatalogPort catalog, VectorIndexPort index, UsageSettings settings, Clock clock) {
        this(catalog, index, null, settings, clock);
    }

    /** With the plans {@code source} gives (null: those of {@link #plans}). */
    InMemoryUsage(CollectionCatalogPort catalog, VectorIndexPort index, TenantQuotaPort source, UsageSettings settings, Clock clock) {
        this(catalog, index, source, settings, clock, new Outbox(), new Receiver());
    }

    private InMemoryUsage(CollectionCatalogPort catalog, VectorIndexPort index, TenantQuotaPort source, UsageSettings settings, Clock clock,
            Outbox outbox, Receiver receiver) {
        this.outbox = outbox;
        this.receiver = receiver;
        this.catalog = catalog;
        this.index = index;
        this.source = source;
        this.settings = settings;
        this.clock = clock;
        TenantLimits limits = new TenantLimits(source != null ? source : tenant -> plans.getOrDefault(tenant, Quota.NONE), settings);
        ledger = new QuotaLedger(catalog, index, limits, check -> QuotaDecision.ALLOWED, metrics);
        operations = new OperationLog(outbox, clock);
        requests = new RequestCounter(outbox, clock);
        limiter = new RateLimiter(counters, limits, metrics, clock);
        reporting = new UsageReporting(settings, requests, ledger, outbox, receiver, receiver, metrics, index, clock);
    }

    private final CollectionCatalogPort catalog;
    private final VectorIndexPort index;
    private final TenantQuotaPort source;
    private final UsageSettings settings;
    private final Clock clock;

    /** The same data after a crash: the durable outbox and the receiver stay, whatever was only in memory is gone. */
    InMemoryUsage restarted() {
        return new InMemoryUsage(catalog, index, source, settings, clock, outbox, receiver);
    }

    /** Default settings, the system clock. */
    InMemoryUsage(CollectionCatalogPort catalog, VectorIndexPort index) {
        this(catalog, index, UsageSettings.DEFAULT, Clock.systemUTC());
    }
}
