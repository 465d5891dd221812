package dev.vectorizer.adapter.storage.metadata;

import dev.vectorizer.application.port.out.AuditLogPort;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** The audit log in the metadata database, each event also written as one structured log line. */
@ApplicationScoped
public class JpaAuditLog implements AuditLogPort {

    private static final Logger LOG = Logger.getLogger("dev.vectorizer.audit");

    private final MetadataStore store;

    @Inject
    public JpaAuditLog(MetadataStore store) {
        this.store = store;
    }

    /** For the CDI client proxy only. */
    protected JpaAuditLog() {
        this(null);
    }

    @Override
    public void record(AuditEvent event) {
        store.inTransaction(em -> {
            em.persist(new AuditEntity(event));
            return null;
        });
        logged(event);
    }

    /** Writes the structured log line of an event, once its row is committed (here or with the record it audits). */
    static void logged(AuditEvent event) {
        LOG.info(() -> "audit " + Json.createObjectBuilder()
                .add("at", event.at().toString())
                .add("actor", event.actor())
                .add("tenant", event.tenant().map(TenantId::value).orElse(""))
                .add("action", event.action().name())
                .add("target", event.target())
                .add("outcome", event.outcome().name())
                .build());
    }

    @Override
    public List<AuditEvent> latest(Optional<TenantId> tenant, int limit) {
        return store.read(em -> (tenant.isPresent()
                ? em.createNamedQuery(AuditEntity.LATEST_OF_TENANT, AuditEntity.class).setParameter("tenant", tenant.get().value())
                : em.createNamedQuery(AuditEntity.LATEST, AuditEntity.class))
                .setMaxResults(limit).getResultList().stream().map(AuditEntity::toDomain).toList());
    }
}
