package dev.vectorizer.application.service;

import dev.vectorizer.application.BackupSettings;
import dev.vectorizer.application.UsageSettings;
import dev.vectorizer.application.port.out.ArchiveCodecPort;
import dev.vectorizer.application.port.out.IndexSnapshotPort;
import dev.vectorizer.application.usage.QuotaLedger;
import dev.vectorizer.application.usage.TenantLimits;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.backup.ArchiveFile;
import dev.vectorizer.domain.backup.ArchivePath;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.backup.BackupManifest;
import dev.vectorizer.domain.backup.Checksums;
import dev.vectorizer.domain.json.BackupManifestJson;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.quota.QuotaCheck;
import dev.vectorizer.domain.quota.QuotaDecision;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Principal;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The backup use cases on in-memory ports with a real quota ledger: tenant plans, the control
 * plane's decisions (recorded; {@link #control} may refuse), archives made of listed entries.
 */
final class BackupFixture {

    static final TenantId ACME = new TenantId("acme");
    static final CollectionSpec SPEC = new CollectionSpec(3, Metric.COSINE, HnswSettings.DEFAULT, Quantization.NONE, Optional.empty());
    /** What every collection's files take, as the snapshot port estimates it. */
    static final long STORED_BYTES = 1_000;
    /** What each restored vector stores, as the restored index reports it. */
    static final long BYTES_PER_VECTOR = 20;
    private static final byte[] INDEX_FILE = "segment".getBytes(StandardCharsets.UTF_8);

    final InMemoryPorts.Catalog collections = new InMemoryPorts.Catalog();
    final InMemoryPorts.Index index = new InMemoryPorts.Index();
    final InMemoryPorts.Backups backups = new InMemoryPorts.Backups();
    final InMemoryUsage.Metrics metrics = new InMemoryUsage.Metrics();
    final Map<TenantId, Quota> plans = new ConcurrentHashMap<>();
    /** What the control plane was asked, in order. */
    final List<QuotaCheck> asked = Collections.synchronizedList(new ArrayList<>());
    /** The control plane: allows everything unless a test says otherwise. */
    volatile Function<QuotaCheck, QuotaDecision> control = check -> QuotaDecision.ALLOWED;
    final QuotaLedger ledger = new QuotaLedger(collections, index, new TenantLimits(tenant -> plans.getOrDefault(tenant, Quota.NONE),
            UsageSettings.DEFAULT), check -> {
                asked.add(check);
                return control.apply(check);
            }, metrics);
    private final List<ArchiveCodecPort.Entry> archiveEntries = new ArrayList<>();
    final BackupPorts ports;

    BackupFixture(BackupSettings settings) {
        ports = new BackupPorts(backups, backups, collections, index, new InMemorySnapshots(), new ListedArchive(), ledger, new InMemoryPorts.Audit(),
                settings);
    }

    BackupFixture() {
        this(BackupSettings.defaults());
    }

    static Caller.OfTenant caller(Permission permission) {
        return new Caller.OfTenant(ACME, new Principal.TokenSubject("tester"), Set.of(permission), false);
    }

    void plan(Limit limit, long value) {
        plans.put(ACME, new Quota(Map.of(limit, value)));
    }

    /** A live collection of the tenant, created through the ledger as the collection use case does. */
    Collection collection(String name) {
        Collection collection = new Collection(new CollectionRef(ACME, new CollectionName(name)), SPEC, Instant.EPOCH, Incarnation.random());
        ledger.createCollection(collection, () -> {
            collections.add(collection);
            index.create(collection);
        });
        return collection;
    }

    /**
     * A ready backup, made at the epoch, of one collection of {@code vectors} vectors; its archive
     * is what the next archive read lists.
     */
    BackupId readyBackupOf(String name, long vectors) {
        BackupManifest manifest = manifestOf(name, vectors);
        Backup backup = Backup.started(BackupId.random(), ACME, "nightly", manifest.names(), Instant.EPOCH).ready(vectors, 1, "0".repeat(64));
        backups.add(backup);
        try (var archive = backups.create(ACME, backup.id())) {
            archive.commit();
        }
        return backup.id();
    }

    /** The next archive read lists a manifest of one collection of {@code vectors} vectors, then its one file. */
    BackupManifest manifestOf(String name, long vectors) {
        MessageDigest digest = Checksums.sha256();
        digest.update(INDEX_FILE);
        ArchivePath file = new ArchivePath(new CollectionName(name), "_0.cfs");
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT_VERSION, ACME, Instant.EPOCH, List.of(new BackupManifest.Entry(
                file.collection(), SPEC, Instant.EPOCH, vectors, List.of(new ArchiveFile(file, INDEX_FILE.length, Checksums.hex(digest))))));
        byte[] manifestBytes = BackupManifestJson.write(manifest);
        archiveEntries.clear();
        archiveEntries.add(new ArchiveCodecPort.Entry(ArchivePath.MANIFEST, ArchiveCodecPort.Kind.FILE, manifestBytes.length,
                new ByteArrayInputStream(manifestBytes)));
        archiveEntries.add(new ArchiveCodecPort.Entry(file.toString(), ArchiveCodecPort.Kind.FILE, INDEX_FILE.length, new ByteArrayInputStream(INDEX_FILE)));
        return manifest;
    }

    /**
     * Every collection's files take {@value #STORED_BYTES} bytes (its snapshot holds none); a restored one stores
     * {@value #BYTES_PER_VECTOR} bytes a vector and appears in the in-memory index when installed.
     */
    private final class InMemorySnapshots implements IndexSnapshotPort {
        @Override
        public IndexSnapshot snapshot(Collection collection) {
            return new IndexSnapshot() { // an empty commit: a backup runs to ready at once
                @Override
                public long vectorCount() {
                    return 0;
                }

                @Override
                public List<SnapshotFile> files() {
                    return List.of();
                }

                @Override
                public InputStream open(SnapshotFile file) {
                    throw new IllegalArgumentException("no such file");
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public long estimateBytes(Collection collection) {
            return STORED_BYTES;
        }

        @Override
        public RestoringIndex restoring(Collection collection) {
            return new RestoringIndex() {
                @Override
                public OutputStream create(String fileName) {
                    return OutputStream.nullOutputStream();
                }

                @Override
                public long verify(CollectionSpec spec, long vectorCount) {
                    return vectorCount * BYTES_PER_VECTOR;
                }

                @Override
                public void install() {
                    index.create(collection);
                }

                @Override
                public void close() {
                }
            };
        }
    }

    /** Reads the listed entries, whatever the bytes; writes nothing. */
    private final class ListedArchive implements ArchiveCodecPort {
        @Override
        public ArchiveWriter writer(OutputStream out) {
            return new ArchiveWriter() { // writes nothing of what it is given
                @Override
                public void add(String path, long size, InputStream content) {
                }

                @Override
                public void finish() {
                }
            };
        }

        @Override
        public ArchiveReader reader(InputStream in, long maxUnpackedBytes) {
            Iterator<Entry> entries = List.copyOf(archiveEntries).iterator();
            return () -> entries.hasNext() ? Optional.of(entries.next()) : Optional.empty();
        }
    }
}
