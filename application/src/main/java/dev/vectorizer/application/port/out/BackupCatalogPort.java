package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.backup.BackupStatus;
import java.util.List;
import java.util.Optional;

/** The durable catalog of backups (their records; the archives are in the {@link BackupStorePort}). */
public interface BackupCatalogPort {

    void add(Backup backup);

    /** Replaces the record of the same id; false if there is none any more (deleted meanwhile). */
    boolean update(Backup backup);

    Optional<Backup> find(BackupId id);

    /** The tenant's backups, oldest first. */
    List<Backup> list(TenantId tenant);

    /** Every tenant's backups in this status. */
    List<Backup> withStatus(BackupStatus status);

    /** False if there was none. */
    boolean remove(BackupId id);
}
