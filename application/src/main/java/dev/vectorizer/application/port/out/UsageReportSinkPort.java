package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.usage.UsageReport;

/**
 * Where usage reports go: HiveHub in hub mode, the server log otherwise. The same report may be
 * delivered again (after a failure, or a crash before its delivery was recorded); a receiver keeps
 * it once by its {@code report_id}.
 */
public interface UsageReportSinkPort {

    /** Delivers the report; returns normally only if the receiver accepted it, throws otherwise. */
    void deliver(UsageReport report);
}
