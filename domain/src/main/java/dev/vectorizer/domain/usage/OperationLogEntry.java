package dev.vectorizer.domain.usage;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A tenant's write, for the control plane's operation log. {@code entryId} is unique and stays the
 * same across deliveries, so a receiver keeps an entry once however often it arrives.
 */
public record OperationLogEntry(String entryId, Instant at, TenantId tenant, Kind operation, Optional<CollectionName> collection,
        Outcome outcome) {

    /** What was done; the wire name is the lower-case name. */
    public enum Kind {
        CREATE_COLLECTION, DELETE_COLLECTION, INSERT_VECTORS, DELETE_VECTORS, INSERT_TEXT;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How it ended; the wire name is the lower-case name. */
    public enum Outcome {
        SUCCESS, QUOTA_EXCEEDED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public OperationLogEntry {
        InvalidValueException.require(entryId != null && !entryId.isBlank() && at != null && tenant != null && operation != null
                && collection != null && outcome != null, "operation log fields are required");
    }
}
