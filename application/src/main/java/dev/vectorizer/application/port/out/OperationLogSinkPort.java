package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.usage.OperationLogEntry;
import java.util.List;

/**
 * Where operation log entries go, in batches: HiveHub in hub mode, the server log otherwise. An
 * entry may be delivered again (after a failure, or a crash before its delivery was recorded); a
 * receiver keeps it once by its {@code entry_id}.
 */
public interface OperationLogSinkPort {

    /** Delivers the entries; returns normally only if the receiver accepted all of them, throws otherwise. */
    void deliver(List<OperationLogEntry> entries);
}
