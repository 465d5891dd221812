package dev.vectorizer.domain.quota;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import java.util.Locale;

/**
 * A write the control plane may have to approve (in hub mode HiveHub does): what the tenant is
 * about to do and how much it adds ({@code estimatedSize}: collections for a create, new vectors at
 * most for an insert, bytes for a backup).
 */
public record QuotaCheck(TenantId tenant, Operation operation, long estimatedSize) {

    /** The checked operations, each with the capacity limit it draws on; wire names are lower case. */
    public enum Operation {
        CREATE_COLLECTION(Limit.MAX_COLLECTIONS), INSERT_VECTORS(Limit.MAX_VECTORS), CREATE_BACKUP(Limit.MAX_BACKUPS);

        private final Limit limit;

        Operation(Limit limit) {
            this.limit = limit;
        }

        public Limit limit() {
            return limit;
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public QuotaCheck {
        InvalidValueException.require(tenant != null && operation != null, "tenant and operation are required");
        InvalidValueException.require(estimatedSize >= 0, "estimated size cannot be negative");
    }
}
