package dev.vectorizer.adapter.hub;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import java.time.Instant;
import java.util.Optional;

/** One line of the operation log sent to HiveHub ({@code POST /api/v1/vectorizer/logs}). */
public record OperationLogEntry(Instant at, TenantId tenant, String operation, Optional<String> collection, String outcome) {

    public OperationLogEntry {
        InvalidValueException.require(at != null && tenant != null && operation != null && collection != null && outcome != null,
                "an operation log entry has a time, a tenant, an operation and an outcome");
    }
}
