package dev.vectorizer.adapter.hub;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import java.util.Locale;

/** An operation to ask HiveHub about ({@code POST /api/v1/quota/check}) before doing it. */
public record QuotaCheck(TenantId tenant, Operation operation, long estimatedSize) {

    /** The operations HiveHub rules on, by their wire names. */
    public enum Operation {
        CREATE_COLLECTION, INSERT_VECTORS, CREATE_BACKUP;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public QuotaCheck {
        InvalidValueException.require(tenant != null && operation != null && estimatedSize >= 0, "a quota check names its tenant, operation and size");
    }
}
