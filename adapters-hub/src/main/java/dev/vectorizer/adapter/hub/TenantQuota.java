package dev.vectorizer.adapter.hub;

import dev.vectorizer.domain.InvalidValueException;
import java.util.OptionalLong;

/**
 * A tenant's limits as HiveHub sets them ({@code GET /api/v1/tenants/{id}/quota}); an empty one is
 * no limit.
 */
public record TenantQuota(OptionalLong maxCollections, OptionalLong maxVectors, OptionalLong maxStorageBytes, OptionalLong requestsPerMinute,
        OptionalLong requestsPerHour, OptionalLong requestsPerDay) {

    public TenantQuota {
        for (OptionalLong limit : new OptionalLong[] {maxCollections, maxVectors, maxStorageBytes, requestsPerMinute, requestsPerHour, requestsPerDay}) {
            InvalidValueException.require(limit != null && limit.orElse(0) >= 0, "a quota limit is a count or none");
        }
    }
}
