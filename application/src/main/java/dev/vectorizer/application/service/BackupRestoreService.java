package dev.vectorizer.application.service;

import dev.vectorizer.application.port.in.RestoreBackupUseCase;
import dev.vectorizer.application.port.in.UploadBackupUseCase;
import dev.vectorizer.application.port.out.ArchiveCodecPort.ArchiveReader;
import dev.vectorizer.application.port.out.BackupStorePort;
import dev.vectorizer.application.port.out.IndexSnapshotPort.RestoringIndex;
import dev.vectorizer.application.usage.Reservation;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.TooLargeException;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.backup.BackupManifest;
import dev.vectorizer.domain.backup.BackupStatus;
import dev.vectorizer.domain.backup.RestoreRequest;
import dev.vectorizer.domain.backup.RestoredCollection;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Operation;
import dev.vectorizer.domain.usage.UsageChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Restoring a backup into the caller's tenant, and taking an uploaded archive in as a backup. Both
 * read the archive through {@link ArchiveUnpacker}, so an upload is held to exactly the rules a
 * restore is, before anything of it is kept.
 *
 * <p>A restore builds each collection as a new incarnation next to whatever exists, verifies it, and
 * only then makes it the collection: a new name is added to the catalog; with {@code replace} the
 * catalog row of the existing collection is swapped for the new one in one step, so a request
 * resolves either the old incarnation or the new one, never a mix, and the old one is dropped.
 */
@ApplicationScoped
public class BackupRestoreService implements RestoreBackupUseCase, UploadBackupUseCase {

    private static final Logger LOG = Logger.getLogger(BackupRestoreService.class.getName());

    private final BackupPorts ports;
    private final Clock clock = Clock.systemUTC();

    @Inject
    BackupRestoreService(BackupPorts ports) {
        this.ports = ports;
    }

    /** For the CDI client proxy only. */
    protected BackupRestoreService() {
        ports = null;
    }

    @Override
    public List<RestoredCollection> restore(Caller.OfTenant caller, RestoreRequest request) {
        TenantId tenant = caller.require(Operation.RESTORE_BACKUP);
        Backup backup = BackupLookup.requireReady(ports.catalog, tenant, request.backup());
        try (InputStream archive = ports.store.open(tenant, backup.id(), 0)) {
            ArchiveReader reader = ports.codec.reader(archive, ports.settings.maxUnpackedBytes());
            BackupManifest manifest = ArchiveUnpacker.readManifest(reader, ports.settings.maxUnpackedBytes());
            List<RestoreRequest.Target> targets = request.targets(manifest);
            Map<CollectionName, Optional<Collection>> existing = new LinkedHashMap<>();
            for (RestoreRequest.Target target : targets) {
                Optional<Collection> current = ports.collections.find(new CollectionRef(tenant, target.name()));
                if (current.isPresent() && !request.replace()) {
                    throw new ConflictException("collection '" + target.name() + "' exists; restore it under another name or with replace");
                }
                existing.put(target.name(), current);
            }
            List<RestoredCollection> restored = rebuild(tenant, reader, manifest, targets, existing);
            ports.audit.record(AuditEvent.success(clock.instant(), caller, tenant, AuditEvent.Action.BACKUP_RESTORE, backup.id().value()));
            return restored;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<RestoredCollection> rebuild(TenantId tenant, ArchiveReader reader, BackupManifest manifest, List<RestoreRequest.Target> targets,
            Map<CollectionName, Optional<Collection>> existing) {
        Map<CollectionName, Collection> fresh = new LinkedHashMap<>();
        Map<CollectionName, RestoringIndex> restoring = new LinkedHashMap<>();
        try {
            for (RestoreRequest.Target target : targets) {
                Collection collection = new Collection(new CollectionRef(tenant, target.name()), target.source().spec(), now(), Incarnation.random());
                fresh.put(target.source().name(), collection);
                restoring.put(target.source().name(), ports.snapshots.restoring(collection));
            }
            ArchiveUnpacker.unpack(reader, manifest, restoring);
            Map<CollectionName, UsageChange> holds = new LinkedHashMap<>();
            for (RestoreRequest.Target target : targets) {
                long storedBytes = restoring.get(target.source().name()).verify(target.source().spec(), target.source().vectorCount());
                holds.put(target.source().name(), new UsageChange(target.source().vectorCount(), storedBytes));
            }
            List<Collection> replacing = existing.values().stream().flatMap(Optional::stream).toList();
            Reservation reservation = ports.quota.reserveRestore(tenant, targets.size() - replacing.size(),
                    holds.values().stream().mapToLong(UsageChange::vectors).sum(), holds.values().stream().mapToLong(UsageChange::bytes).sum(), replacing);
            Map<Collection, UsageChange> live = new LinkedHashMap<>();
            List<Collection> replaced = new ArrayList<>();
            List<RestoredCollection> restored = new ArrayList<>();
            try {
                for (RestoreRequest.Target target : targets) {
                    restoring.get(target.source().name()).install();
                    Collection collection = fresh.get(target.source().name());
                    Optional<Collection> old = existing.get(target.name());
                    publish(collection, old);
                    live.put(collection, holds.get(target.source().name()));
                    old.ifPresent(replaced::add);
                    restored.add(new RestoredCollection(target.source().name(), target.name(), target.source().vectorCount(), old.isPresent()));
                }
            } finally {
                ports.quota.restored(reservation, live, replaced); // what became live is held, even when a later one failed
            }
            return restored;
        } finally {
            restoring.values().forEach(RestoringIndex::close);
        }
    }

    /**
     * Makes the installed (and so unsettled) incarnation the collection: a new row, or the old row
     * swapped for it; then the old files are dropped. Only an incarnation that did not become the
     * collection is undone. Should the replace lose (the row changed meanwhile), the old incarnation
     * stays unsettled until the next start, which deletes its files only if the catalog no longer names it.
     */
    private void publish(Collection collection, Optional<Collection> replaced) {
        try {
            replaced.ifPresent(ports.index::unsettle); // a crash after the swap leaves its files to the next start
            if (replaced.isEmpty()) {
                ports.collections.add(collection);
            } else if (!ports.collections.replace(replaced.get(), collection)) {
                throw new ConflictException("collection '" + collection.ref().name() + "' changed during the restore");
            }
        } catch (RuntimeException e) {
            ports.index.drop(collection);
            throw e;
        }
        ports.index.settle(collection);
        replaced.ifPresent(old -> {
            try {
                ports.index.drop(old);
            } catch (RuntimeException e) { // the restore is done: what is left are files nothing refers to
                LOG.log(Level.WARNING, "cannot delete the replaced files of collection " + old.ref(), e);
            }
        });
    }

    @Override
    public Backup upload(Caller.OfTenant caller, Upload upload) {
        TenantId tenant = caller.require(Operation.BACKUP);
        upload.declaredLength().ifPresent(length -> {
            if (length > ports.settings.maxUploadBytes()) {
                throw new TooLargeException("the archive is larger than " + ports.settings.maxUploadBytes() + " bytes");
            }
        });
        Optional<String> expectedSha256 = upload.sha256().map(s -> s.strip().toLowerCase(Locale.ROOT));
        Optional<String> name = upload.name().map(String::strip);
        BackupId id = BackupId.random();
        try (BackupStorePort.PendingArchive pending = ports.store.create(tenant, id)) {
            UploadedArchive archive = new UploadedArchive(upload.archive(), pending.stream(), ports.settings.maxUploadBytes());
            BackupManifest manifest = verify(tenant, ports.codec.reader(archive, ports.settings.maxUnpackedBytes()), ports.settings.maxUnpackedBytes());
            archive.drain();
            expectedSha256.ifPresent(expected -> InvalidValueException.require(expected.equals(archive.sha256()),
                    "the archive's SHA-256 is " + archive.sha256() + ", not " + expected));
            Backup backup = new Backup(id, tenant, name.orElse("upload of " + manifest.createdAt()), BackupStatus.READY, 1,
                    manifest.names(), manifest.vectorCount(), archive.count(), Optional.of(archive.sha256()), manifest.formatVersion(), now());
            BackupRetention retention = new BackupRetention(ports.catalog, ports.store, ports.settings, clock);
            pending.commit();
            try {
                BackupLookup.addWithinQuota(ports, retention, backup, archive.count());
            } catch (RuntimeException e) {
                ports.store.delete(tenant, id);
                throw e;
            }
            retention.prune(tenant);
            return backup;
        } catch (IOException e) {
            throw new InvalidValueException("the upload could not be read to its end: " + e.getMessage());
        }
    }

    /** Checks all of an uploaded archive, unpacking each collection into a place that is thrown away afterwards. */
    private BackupManifest verify(TenantId tenant, ArchiveReader reader, long maxUnpackedBytes) {
        BackupManifest manifest = ArchiveUnpacker.readManifest(reader, maxUnpackedBytes);
        Map<CollectionName, RestoringIndex> scratch = new LinkedHashMap<>();
        try {
            for (BackupManifest.Entry entry : manifest.collections()) {
                scratch.put(entry.name(), ports.snapshots.restoring(
                        new Collection(new CollectionRef(tenant, entry.name()), entry.spec(), entry.createdAt(), Incarnation.random())));
            }
            ArchiveUnpacker.unpack(reader, manifest, scratch);
            for (BackupManifest.Entry entry : manifest.collections()) {
                scratch.get(entry.name()).verify(entry.spec(), entry.vectorCount());
            }
            return manifest;
        } finally {
            scratch.values().forEach(RestoringIndex::close);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
