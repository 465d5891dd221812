package dev.vectorizer.adapter.storage.usage;

import dev.vectorizer.application.port.out.ControlPlane;
import dev.vectorizer.application.port.out.OperationLogSinkPort;
import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.json.UsageJson;
import dev.vectorizer.domain.usage.OperationLogEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.logging.Logger;

/**
 * Where operation log entries go without HiveHub: one line of JSON per batch (the HiveHub shape) at
 * FINE on the logger {@value #LOGGER}, which is off unless an operator turns it on (every write is
 * an entry). Logged is delivered.
 */
@ApplicationScoped
@ControlPlane(ControlPlane.Kind.LOCAL)
public class LoggedOperationLogs implements OperationLogSinkPort {

    static final String LOGGER = "dev.vectorizer.usage.operations";
    private static final Logger LOG = Logger.getLogger(LOGGER);

    @Override
    public void deliver(List<OperationLogEntry> entries) {
        LOG.fine(() -> Json.write(UsageJson.operations(entries)));
    }
}
