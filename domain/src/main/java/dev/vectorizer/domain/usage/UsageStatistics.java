package dev.vectorizer.domain.usage;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import java.util.List;

/** What a tenant holds, collection by collection, and how many requests it made today and this month (UTC). */
public record UsageStatistics(TenantId tenant, List<CollectionUsage> collections, long requestsToday, long requestsThisMonth) {

    public UsageStatistics {
        InvalidValueException.require(tenant != null, "tenant is required");
        InvalidValueException.require(requestsToday >= 0 && requestsThisMonth >= requestsToday, "request counts are inconsistent");
        collections = List.copyOf(collections);
    }

    public long vectorCount() {
        return collections.stream().mapToLong(CollectionUsage::vectorCount).sum();
    }

    public long storageBytes() {
        return collections.stream().mapToLong(CollectionUsage::storageBytes).sum();
    }
}
