package dev.vectorizer.domain.usage;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * One tenant's usage over a period, as reported to the control plane: the requests it made in the
 * period and what its collections held at the end of it. {@code reportId} is unique and stays the
 * same across retries, so a receiver counts a report once however often it arrives; {@code last}
 * marks the final report of a deleted tenant.
 */
public record UsageReport(String reportId, TenantId tenant, Instant periodStart, Instant periodEnd, List<CollectionUsage> collections,
        long requests, boolean last) {

    public UsageReport {
        InvalidValueException.require(reportId != null && !reportId.isBlank() && tenant != null, "report id and tenant are required");
        InvalidValueException.require(periodStart != null && periodEnd != null && !periodEnd.isBefore(periodStart), "a report's period must not end before it starts");
        InvalidValueException.require(requests >= 0, "requests cannot be negative");
        collections = List.copyOf(collections);
    }
}
