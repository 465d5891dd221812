package dev.vectorizer.adapter.storage.usage;

import dev.vectorizer.adapter.storage.metadata.MetadataStore;
import dev.vectorizer.application.port.out.RequestCountsPort;
import dev.vectorizer.application.port.out.UsageOutboxPort;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.usage.CollectionUsage;
import dev.vectorizer.domain.usage.OperationLogEntry;
import dev.vectorizer.domain.usage.UsageReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request counts and the usage outbox in the metadata database. Adding counts and sealing a report
 * both read and change a tenant's unreported requests, so they run one at a time (this node owns its
 * database), each in one transaction: a request counted is in exactly one report, also across a crash.
 * Day counts older than {@value #KEPT_DAYS} days are dropped as new ones come in.
 */
@ApplicationScoped
public class JpaUsageOutbox implements RequestCountsPort, UsageOutboxPort {

    static final int KEPT_DAYS = 400;

    private final MetadataStore store;
    private final Object counting = new Object();

    @Inject
    public JpaUsageOutbox(MetadataStore store) {
        this.store = store;
    }

    /** For the CDI client proxy only. */
    protected JpaUsageOutbox() {
        this(null);
    }

    @Override
    public void add(Map<TenantId, Map<LocalDate, Long>> counts, Instant countedSince) {
        synchronized (counting) {
            store.inTransaction(em -> {
                counts.forEach((tenant, days) -> days.forEach((day, n) -> {
                    RequestCountEntity count = em.find(RequestCountEntity.class, RequestCountEntity.id(tenant, day));
                    if (count == null) {
                        count = new RequestCountEntity(tenant, day);
                        em.persist(count);
                    }
                    count.add(n);
                    unreported(em, tenant, countedSince).add(n);
                }));
                LocalDate oldest = counts.values().stream().flatMap(days -> days.keySet().stream()).min(LocalDate::compareTo).orElseThrow();
                em.createNamedQuery(RequestCountEntity.PRUNE).setParameter("before", oldest.minusDays(KEPT_DAYS)).executeUpdate();
                return null;
            });
        }
    }

    private static UnreportedRequestsEntity unreported(EntityManager em, TenantId tenant, Instant since) {
        UnreportedRequestsEntity unreported = em.find(UnreportedRequestsEntity.class, tenant.value());
        if (unreported == null) {
            unreported = new UnreportedRequestsEntity(tenant, since);
            em.persist(unreported);
        }
        return unreported;
    }

    @Override
    public long count(TenantId tenant, LocalDate from, LocalDate to) {
        Long sum = store.read(em -> em.createNamedQuery(RequestCountEntity.SUM, Long.class).setParameter("tenant", tenant.value())
                .setParameter("from", from).setParameter("to", to).getSingleResult());
        return sum == null ? 0 : sum;
    }

    @Override
    public Map<TenantId, Long> busiest(LocalDate day, int limit) {
        Map<TenantId, Long> busiest = new LinkedHashMap<>();
        store.read(em -> em.createNamedQuery(RequestCountEntity.BUSIEST, RequestCountEntity.class).setParameter("day", day)
                .setMaxResults(limit).getResultList()).forEach(c -> busiest.put(c.tenant(), c.requests()));
        return busiest;
    }

    @Override
    public List<TenantId> tenantsWithUnreportedRequests() {
        return store.read(em -> em.createNamedQuery(UnreportedRequestsEntity.WITH_REQUESTS, String.class).getResultList()).stream()
                .map(TenantId::new).toList();
    }

    @Override
    public UsageReport seal(String reportId, TenantId tenant, Instant periodEnd, List<CollectionUsage> collections, boolean last) {
        synchronized (counting) {
            return store.inTransaction(em -> {
                UsageReportEntity existing = em.find(UsageReportEntity.class, reportId);
                if (existing != null) {
                    return existing.report();
                }
                UnreportedRequestsEntity unreported = unreported(em, tenant, periodEnd);
                Instant start = unreported.since().isAfter(periodEnd) ? periodEnd : unreported.since();
                UsageReport report = new UsageReport(reportId, tenant, start, periodEnd, collections, unreported.requests(), last);
                em.persist(new UsageReportEntity(report));
                if (last) {
                    em.remove(unreported);
                } else {
                    unreported.reported(periodEnd);
                }
                return report;
            });
        }
    }

    @Override
    public List<PendingReport> dueReports(Instant now, int limit) {
        return store.read(em -> em.createNamedQuery(UsageReportEntity.DUE, UsageReportEntity.class).setParameter("now", now)
                .setMaxResults(limit).getResultList().stream().map(r -> new PendingReport(r.report(), r.attempts())).toList());
    }

    @Override
    public void reportDelivered(String reportId) {
        store.inTransaction(em -> {
            UsageReportEntity report = em.find(UsageReportEntity.class, reportId);
            if (report != null) {
                em.remove(report);
            }
            return null;
        });
    }

    @Override
    public void reportFailed(String reportId, Instant retryAt) {
        store.inTransaction(em -> {
            UsageReportEntity report = em.find(UsageReportEntity.class, reportId);
            if (report != null) {
                report.failed(retryAt);
            }
            return null;
        });
    }

    @Override
    public long pendingReports() {
        return store.read(em -> em.createNamedQuery(UsageReportEntity.COUNT, Long.class).getSingleResult());
    }

    @Override
    public void appendOperation(OperationLogEntry entry) {
        store.inTransaction(em -> {
            em.persist(new OperationLogEntity(entry));
            return null;
        });
    }

    @Override
    public List<OperationLogEntry> oldestOperations(int limit) {
        return store.read(em -> em.createNamedQuery(OperationLogEntity.OLDEST, OperationLogEntity.class).setMaxResults(limit).getResultList()
                .stream().map(OperationLogEntity::toDomain).toList());
    }

    @Override
    public void operationsDelivered(List<String> entryIds) {
        if (!entryIds.isEmpty()) {
            store.inTransaction(em -> em.createNamedQuery(OperationLogEntity.DELETE).setParameter("ids", entryIds).executeUpdate());
        }
    }

    @Override
    public long pendingOperations() {
        return store.read(em -> em.createNamedQuery(OperationLogEntity.COUNT, Long.class).getSingleResult());
    }
}
