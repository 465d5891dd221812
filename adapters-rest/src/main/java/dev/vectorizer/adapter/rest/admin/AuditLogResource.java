package dev.vectorizer.adapter.rest.admin;

import dev.vectorizer.adapter.rest.CurrentCaller;
import dev.vectorizer.application.port.in.ReadAuditLogQuery;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The audit log for the installation administrator: {@code GET /api/admin/audit?tenant=acme&limit=100}, newest first. */
@Path("api/admin/audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogResource {

    public record AuditView(Instant at, String actor, String tenantId, String action, String target, String outcome) {
        static AuditView of(AuditEvent e) {
            return new AuditView(e.at(), e.actor(), e.tenant().map(TenantId::value).orElse(null), e.action().name(), e.target(), e.outcome().name());
        }
    }

    public record AuditLog(List<AuditView> events) {
    }

    @Inject
    CurrentCaller caller;
    @Inject
    ReadAuditLogQuery audit;

    @GET
    public AuditLog read(@QueryParam("tenant") String tenant, @QueryParam("limit") String limit) {
        return new AuditLog(audit.auditLog(caller.admin(), Optional.ofNullable(tenant).map(TenantId::new), QueryParameters.integer("limit", limit)).stream()
                .map(AuditView::of).toList());
    }
}
