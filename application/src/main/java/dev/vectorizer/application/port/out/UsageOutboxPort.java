package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.usage.CollectionUsage;
import dev.vectorizer.domain.usage.OperationLogEntry;
import dev.vectorizer.domain.usage.UsageReport;
import java.time.Instant;
import java.util.List;

/**
 * The durable outbox of usage reports and operation log entries: what is in it survives a crash
 * and stays until its delivery is recorded.
 */
public interface UsageOutboxPort {

    /** A report waiting for delivery, and how many deliveries of it failed so far. */
    record PendingReport(UsageReport report, int failedAttempts) {
    }

    /** The tenants with requests counted but not yet in a report. */
    List<TenantId> tenantsWithUnreportedRequests();

    /**
     * In one transaction: a report {@code reportId} of the tenant's unreported requests (its period
     * from where the last one ended to {@code periodEnd}) and of these collections, queued for
     * delivery; the tenant's unreported requests are then none ({@code last}: and its count is gone).
     * If a report {@code reportId} exists already, that one is returned and nothing changes.
     */
    UsageReport seal(String reportId, TenantId tenant, Instant periodEnd, List<CollectionUsage> collections, boolean last);

    /** Reports whose next delivery attempt is due at {@code now}, oldest first, at most {@code limit}. */
    List<PendingReport> dueReports(Instant now, int limit);

    /** Removes a delivered report. */
    void reportDelivered(String reportId);

    /** Records a failed delivery: one more failed attempt, the next not before {@code retryAt}. */
    void reportFailed(String reportId, Instant retryAt);

    long pendingReports();

    /** Queues an entry, durably before this returns. */
    void appendOperation(OperationLogEntry entry);

    /** The oldest queued entries, at most {@code limit}. */
    List<OperationLogEntry> oldestOperations(int limit);

    /** Removes delivered entries. */
    void operationsDelivered(List<String> entryIds);

    long pendingOperations();
}
