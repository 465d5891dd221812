package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.AuditEvent;
import java.util.List;
import java.util.Optional;

/**
 * The durable audit log of security-relevant actions. The creation of a tenant or key is recorded
 * with the record itself by the {@link TenantDirectoryPort} and listed here like any other event.
 */
public interface AuditLogPort {

    void record(AuditEvent event);

    /** The latest events, newest first, optionally of one tenant. */
    List<AuditEvent> latest(Optional<TenantId> tenant, int limit);
}
