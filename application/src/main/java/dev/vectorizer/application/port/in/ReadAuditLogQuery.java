package dev.vectorizer.application.port.in;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Caller;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The installation administrator reads the audit log. */
public interface ReadAuditLogQuery {

    int DEFAULT_LIMIT = 100;
    int MAX_LIMIT = 1000;

    /** The latest {@code limit} (default {@value #DEFAULT_LIMIT}) events, newest first, optionally of one tenant. */
    List<AuditEvent> auditLog(Caller.InstallationAdmin admin, Optional<TenantId> tenant, OptionalInt limit);
}
