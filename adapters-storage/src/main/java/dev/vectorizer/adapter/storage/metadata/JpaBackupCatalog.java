package dev.vectorizer.adapter.storage.metadata;

import dev.vectorizer.application.port.out.BackupCatalogPort;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.backup.BackupStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** The backup catalog in JPA (read only by backup requests, so not cached). */
@ApplicationScoped
public class JpaBackupCatalog implements BackupCatalogPort {

    private final MetadataStore store;

    @Inject
    public JpaBackupCatalog(MetadataStore store) {
        this.store = store;
    }

    /** For the CDI client proxy only. */
    protected JpaBackupCatalog() {
        this(null);
    }

    @Override
    public void add(Backup backup) {
        store.inTransaction(em -> {
            em.persist(new BackupEntity(backup));
            return null;
        });
    }

    @Override
    public boolean update(Backup backup) {
        return store.inTransaction(em -> {
            if (em.find(BackupEntity.class, backup.id().value()) == null) {
                return false;
            }
            em.merge(new BackupEntity(backup));
            return true;
        });
    }

    @Override
    public Optional<Backup> find(BackupId id) {
        return store.read(em -> Optional.ofNullable(em.find(BackupEntity.class, id.value())).map(BackupEntity::toDomain));
    }

    @Override
    public List<Backup> list(TenantId tenant) {
        return store.read(em -> em.createNamedQuery(BackupEntity.BY_TENANT, BackupEntity.class).setParameter("tenant", tenant.value())
                .getResultList().stream().map(BackupEntity::toDomain).toList());
    }

    @Override
    public List<Backup> withStatus(BackupStatus status) {
        return store.read(em -> em.createNamedQuery(BackupEntity.BY_STATUS, BackupEntity.class).setParameter("status", status.name())
                .getResultList().stream().map(BackupEntity::toDomain).toList());
    }

    @Override
    public boolean remove(BackupId id) {
        return store.inTransaction(em -> {
            BackupEntity entity = em.find(BackupEntity.class, id.value());
            if (entity == null) {
                return false;
            }
            em.remove(entity);
            return true;
        });
    }
}
