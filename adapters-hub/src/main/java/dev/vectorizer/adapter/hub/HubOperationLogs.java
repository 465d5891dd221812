package dev.vectorizer.adapter.hub;

import dev.vectorizer.application.port.out.ControlPlane;
import dev.vectorizer.application.port.out.OperationLogSinkPort;
import dev.vectorizer.domain.usage.OperationLogEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The operation log to HiveHub in hub mode ({@code POST /api/v1/vectorizer/logs}), a batch per
 * call: returns only once HiveHub took it, throws
 * {@link dev.vectorizer.domain.hub.HubUnavailableException} otherwise, and the outbox sends the
 * entries again later, each with its {@code entry_id}.
 */
@ApplicationScoped
@ControlPlane(ControlPlane.Kind.HIVEHUB)
public class HubOperationLogs implements OperationLogSinkPort {

    private final HubClient client;

    @Inject
    public HubOperationLogs(HubClient client) {
        this.client = client;
    }

    /** For the CDI client proxy only. */
    protected HubOperationLogs() {
        this(null);
    }

    @Override
    public void deliver(List<OperationLogEntry> entries) {
        if (!entries.isEmpty()) {
            client.sendLogs(entries);
        }
    }
}
