package dev.vectorizer.adapter.hub;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * One tenant's usage over a period ({@code POST /api/v1/usage}). HiveHub counts a
 * {@code reportId} once, so a report that is sent again (a retry, a restart) is never counted twice.
 */
public record UsageReport(String reportId, TenantId tenant, Instant periodStart, Instant periodEnd, List<CollectionUsage> collections,
        long requests) {

    /** One collection's size at the end of the period. */
    public record CollectionUsage(String name, long vectorCount, long storageBytes) {
        public CollectionUsage {
            InvalidValueException.require(name != null && vectorCount >= 0 && storageBytes >= 0, "collection usage is a name and counts");
        }
    }

    public UsageReport {
        InvalidValueException.require(reportId != null && !reportId.isBlank() && tenant != null && periodStart != null && periodEnd != null
                && !periodEnd.isBefore(periodStart) && requests >= 0, "a usage report has an id, a tenant, a period and counts");
        collections = List.copyOf(collections);
    }
}
