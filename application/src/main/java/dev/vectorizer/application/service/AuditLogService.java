package dev.vectorizer.application.service;

import dev.vectorizer.application.port.in.ReadAuditLogQuery;
import dev.vectorizer.application.port.out.AuditLogPort;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The audit log, read by the installation administrator. */
@ApplicationScoped
public class AuditLogService implements ReadAuditLogQuery {

    private final AuditLogPort audit;

    @Inject
    public AuditLogService(AuditLogPort audit) {
        this.audit = audit;
    }

    /** For the CDI client proxy only. */
    protected AuditLogService() {
        this(null);
    }

    @Override
    public List<AuditEvent> auditLog(Caller.InstallationAdmin admin, Optional<TenantId> tenant, OptionalInt limit) {
        int count = limit.orElse(DEFAULT_LIMIT);
        InvalidValueException.require(count >= 1 && count <= MAX_LIMIT, "limit must be between 1 and " + MAX_LIMIT);
        return audit.latest(tenant, count);
    }
}
