package dev.vectorizer.application.usage;

import dev.vectorizer.application.port.out.UsageOutboxPort;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.quota.QuotaExceededException;
import dev.vectorizer.domain.usage.OperationLogEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The operation log of tenants' writes: each write that succeeded or that a quota refused is queued
 * in the durable outbox before its answer goes out, and {@link UsageReporting} delivers the queue in
 * batches. A write that failed otherwise (not found, invalid) changed nothing and is not logged.
 */
@ApplicationScoped
public class OperationLog {

    private static final Logger LOG = Logger.getLogger(OperationLog.class.getName());

    private final UsageOutboxPort outbox;
    private final Clock clock;

    @Inject
    public OperationLog(UsageOutboxPort outbox) {
        this(outbox, Clock.systemUTC());
    }

    public OperationLog(UsageOutboxPort outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected OperationLog() {
        this(null, null);
    }

    /** Runs a write of the tenant and logs how it ended. */
    public <T> T logged(TenantId tenant, OperationLogEntry.Kind operation, CollectionName collection, Supplier<T> write) {
        T result;
        try {
            result = write.get();
        } catch (QuotaExceededException refused) {
            record(tenant, operation, collection, OperationLogEntry.Outcome.QUOTA_EXCEEDED);
            throw refused;
        }
        record(tenant, operation, collection, OperationLogEntry.Outcome.SUCCESS);
        return result;
    }

    /** {@link #logged(TenantId, OperationLogEntry.Kind, CollectionName, Supplier)} for a write without a result. */
    public void logged(TenantId tenant, OperationLogEntry.Kind operation, CollectionName collection, Runnable write) {
        logged(tenant, operation, collection, () -> {
            write.run();
            return null;
        });
    }

    /** The write is done whatever happens here: a log that cannot be queued is reported, not turned into a failed write. */
    private void record(TenantId tenant, OperationLogEntry.Kind operation, CollectionName collection, OperationLogEntry.Outcome outcome) {
        try {
            outbox.appendOperation(new OperationLogEntry(UUID.randomUUID().toString(), clock.instant(), tenant, operation,
                    Optional.of(collection), outcome));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not queue the operation log entry of " + operation + " on " + tenant + "/" + collection, e);
        }
    }
}
