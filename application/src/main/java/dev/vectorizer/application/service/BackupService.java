package dev.vectorizer.application.service;

import dev.vectorizer.application.port.in.CreateBackupUseCase;
import dev.vectorizer.application.port.in.DeleteBackupUseCase;
import dev.vectorizer.application.port.in.DownloadBackupQuery;
import dev.vectorizer.application.port.in.GetBackupQuery;
import dev.vectorizer.application.port.in.ListBackupsQuery;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.backup.BackupStatus;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Operation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Making, listing, downloading and deleting a tenant's backups. A backup runs in the background
 * ({@link BackupRun}) on one of {@value #WORKERS} worker threads, so a request never waits for one,
 * and backups of one tenant hold no lock another tenant's requests need. At start, backups a crash
 * interrupted are marked failed and their archives discarded ({@link CrashRecovery}).
 */
@ApplicationScoped
public class BackupService implements CreateBackupUseCase, ListBackupsQuery, GetBackupQuery, DownloadBackupQuery, DeleteBackupUseCase {

    static final int WORKERS = 2;

    private final BackupPorts ports;
    private final BackupRetention retention;
    private final Clock clock;
    private final ExecutorService workers;

    @Inject
    BackupService(BackupPorts ports) {
        this.ports = ports;
        this.clock = Clock.systemUTC();
        this.retention = new BackupRetention(ports.catalog, ports.store, ports.settings, clock);
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "vectorizer-backup-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** For the CDI client proxy only. */
    protected BackupService() {
        ports = null;
        retention = null;
        clock = null;
        workers = null;
    }

    /** Expired backups are pruned at start (what a crash left is {@link CrashRecovery}'s). */
    void pruneOnStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        ports.catalog.withStatus(BackupStatus.READY).stream().map(Backup::owner).distinct().forEach(retention::prune);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        workers.shutdownNow(); // a backup cut short stays running and is failed at the next start (CrashRecovery)
    }

    @Override
    public Backup create(Caller.OfTenant caller, String name, Optional<List<CollectionName>> names) {
        TenantId tenant = caller.require(Operation.BACKUP);
        List<Collection> chosen = names.map(list -> list.stream().distinct().map(n -> CollectionLookup.require(ports.collections, tenant, n)).toList())
                .orElseGet(() -> ports.collections.list(tenant));
        Backup backup = Backup.started(BackupId.random(), tenant, name, chosen.stream().map(c -> c.ref().name()).toList(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        long estimate = chosen.stream().mapToLong(ports.snapshots::estimateBytes).sum(); // stats would open idle collections
        BackupLookup.addWithinQuota(ports, retention, backup, estimate);
        workers.execute(new BackupRun(backup, chosen, ports, retention));
        return backup;
    }

    @Override
    public List<Backup> list(Caller.OfTenant caller) {
        return ports.catalog.list(caller.require(Operation.BACKUP)).reversed();
    }

    @Override
    public Backup get(Caller.OfTenant caller, BackupId id) {
        return BackupLookup.require(ports.catalog, caller.require(Operation.BACKUP), id);
    }

    @Override
    public Download download(Caller.OfTenant caller, BackupId id) {
        Backup backup = BackupLookup.requireReady(ports.catalog, caller.require(Operation.BACKUP), id);
        return new Download(backup, offset -> ports.store.open(backup.owner(), backup.id(), offset));
    }

    @Override
    public void delete(Caller.OfTenant caller, BackupId id) {
        Backup backup = BackupLookup.require(ports.catalog, caller.require(Operation.DELETE_BACKUP), id);
        if (backup.status() == BackupStatus.RUNNING) {
            throw new ConflictException("backup '" + id + "' is still running");
        }
        BackupRetention.delete(ports.catalog, ports.store, backup);
        ports.audit.record(AuditEvent.success(clock.instant(), caller, backup.owner(), AuditEvent.Action.BACKUP_DELETE, id.value()));
    }
}
