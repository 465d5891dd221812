package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Durable request counts per tenant and UTC day, and per tenant the requests not yet in a usage
 * report (which {@link UsageOutboxPort#seal} takes into a report).
 */
public interface RequestCountsPort {

    /**
     * Adds {@code counts} (per tenant, per day) to the days' counts and to each tenant's unreported
     * requests, all in one transaction. A tenant without unreported requests starts its next report's
     * period at {@code countedSince}.
     */
    void add(Map<TenantId, Map<LocalDate, Long>> counts, Instant countedSince);

    /** The tenant's requests from {@code from} to {@code to}, both days included. */
    long count(TenantId tenant, LocalDate from, LocalDate to);

    /** The tenants with the most requests on {@code day}, at most {@code limit}, with their counts. */
    Map<TenantId, Long> busiest(LocalDate day, int limit);
}
