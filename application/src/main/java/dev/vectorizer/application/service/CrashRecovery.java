package dev.vectorizer.application.service;

import dev.vectorizer.application.port.out.BackupCatalogPort;
import dev.vectorizer.application.port.out.BackupStorePort;
import dev.vectorizer.application.port.out.CollectionCatalogPort;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.application.port.out.VectorIndexPort.Unsettled;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.backup.BackupStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Sweeps, at start and before any request, what a crash (kill -9, power cut) left half done, so that
 * none of it is ever served, listed as usable, counted or restored. The catalogs are the truth:
 * <ul>
 * <li>a backup still {@code running} was cut short: it becomes {@code failed} and its archive, whole
 * or not, is deleted;</li>
 * <li>an unfinished archive, or a finished one the catalog has no ready backup for (an upload whose
 * record never committed, a deletion that removed the record only), is deleted;</li>
 * <li>a collection incarnation whose files were made or restored but whose catalog entry never
 * committed, or whose entry was removed but not its files, is deleted
 * ({@link VectorIndexPort#settleAll}).</li>
 * </ul>
 * Each leftover is logged once, at WARNING. Work under {@code {data-dir}/tmp/} (snapshots, restores
 * and uploads being unpacked) is deleted by the storage adapter itself when it starts.
 */
@ApplicationScoped
public class CrashRecovery {

    private static final Logger LOG = Logger.getLogger(CrashRecovery.class.getName());

    private final CollectionCatalogPort collections;
    private final VectorIndexPort index;
    private final BackupCatalogPort backups;
    private final BackupStorePort archives;

    @Inject
    public CrashRecovery(CollectionCatalogPort collections, VectorIndexPort index, BackupCatalogPort backups, BackupStorePort archives) {
        this.collections = collections;
        this.index = index;
        this.backups = backups;
        this.archives = archives;
    }

    /** For the CDI client proxy only. */
    protected CrashRecovery() {
        this(null, null, null, null);
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        recover();
    }

    /** Sweeps every leftover; idempotent. */
    public void recover() {
        for (Backup interrupted : backups.withStatus(BackupStatus.RUNNING)) {
            archives.delete(interrupted.owner(), interrupted.id());
            backups.update(interrupted.failed());
            LOG.warning(() -> "backup " + interrupted.id() + " of tenant " + interrupted.owner() + " was cut short by a stop or a crash: failed");
        }
        Set<String> ready = new HashSet<>();
        backups.withStatus(BackupStatus.READY).forEach(b -> ready.add(key(b.owner(), b.id())));
        for (String archive : archives.discardLeftovers((tenant, id) -> ready.contains(key(tenant, id)))) {
            LOG.warning(() -> "deleted " + archive + ", which a crash left without a ready backup");
        }
        List<Unsettled> orphans = index.settleAll(u -> collections.find(u.ref()).filter(c -> c.incarnation().equals(u.incarnation())).isPresent());
        for (Unsettled orphan : orphans) {
            LOG.warning(() -> "deleted the files of collection " + orphan.ref().name() + " (incarnation " + orphan.incarnation() + ") of tenant "
                    + orphan.ref().tenant() + ", which a crash left without a catalog entry");
        }
    }

    private static String key(TenantId tenant, BackupId id) {
        return tenant.value() + "/" + id.value();
    }
}
