package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Caller;
import java.util.List;
import java.util.Optional;

/** The installation administrator reads the audit log. */
public interface ReadAuditLogQuery {

    int MAX_LIMIT = 1000;

    /** The latest events, newest first, optionally of one tenant. */
    List<AuditEvent> auditLog(Caller caller, Optional<TenantId> tenant, int limit);
}
