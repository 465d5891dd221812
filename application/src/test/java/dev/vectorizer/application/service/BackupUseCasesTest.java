package dev.vectorizer.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.application.BackupSettings;
import dev.vectorizer.application.port.out.ArchiveCodecPort;
import dev.vectorizer.application.port.out.BackupQuotaPort;
import dev.vectorizer.application.port.out.IndexSnapshotPort;
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
import dev.vectorizer.domain.backup.BackupStatus;
import dev.vectorizer.domain.backup.Checksums;
import dev.vectorizer.domain.backup.RestoreRequest;
import dev.vectorizer.domain.json.BackupManifestJson;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The backup use cases' own rules, on in-memory ports: what they ask of the index, the quota and the catalog. */
class BackupUseCasesTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final CollectionSpec SPEC = new CollectionSpec(3, Metric.COSINE, HnswSettings.DEFAULT, Quantization.NONE, Optional.empty());
    private static final long STORED_BYTES = 1_000;
    private static final byte[] INDEX_FILE = "segment".getBytes(StandardCharsets.UTF_8);

    private final InMemoryPorts.Catalog collections = new InMemoryPorts.Catalog();
    private final InMemoryPorts.Index index = new InMemoryPorts.Index();
    private final InMemoryPorts.Backups backups = new InMemoryPorts.Backups();
    private final List<Long> quotaAskedFor = new ArrayList<>();
    private final List<ArchiveCodecPort.Entry> archiveEntries = new ArrayList<>();
    private final BackupPorts ports = new BackupPorts(backups, backups, collections, index, new InMemorySnapshots(), new ListedArchive(),
            new RecordingQuota(), new InMemoryPorts.Audit(), BackupSettings.defaults());

    private static Caller.OfTenant caller(Permission permission) {
        return new Caller.OfTenant(ACME, new Principal.TokenSubject("tester"), Set.of(permission), false);
    }

    private Collection collection(String name) {
        Collection collection = new Collection(new CollectionRef(ACME, new CollectionName(name)), SPEC, Instant.EPOCH, Incarnation.random());
        collections.add(collection);
        index.create(collection);
        return collection;
    }

    @Test
    void aBackupIsCheckedAgainstTheQuotaByWhatIsStoredWithoutOpeningTheCollections() {
        collection("docs");
        collection("notes");

        Backup started = new BackupService(ports).create(caller(Permission.READ_WRITE), "nightly", Optional.empty());

        assertThat(started.status()).isEqualTo(BackupStatus.RUNNING);
        assertThat(quotaAskedFor).containsExactly(2 * STORED_BYTES);
        assertThat(index.statsReads).as("an idle collection would be opened, and kept open, by reading its stats").isZero();
    }

    @Test
    void aReplacingRestoreStaysInPlaceWhenTheOldFilesCannotBeDropped() {
        Collection old = collection("docs");
        BackupId id = readyBackupOf("docs");
        index.undroppable.add(old.incarnation());

        new BackupRestoreService(ports).restore(caller(Permission.ADMIN), new RestoreRequest(id, Optional.empty(), Map.of(), true));

        Collection current = collections.find(old.ref()).orElseThrow();
        assertThat(current.incarnation()).isNotEqualTo(old.incarnation());
        assertThat(index.collections.get(old.ref().storageKey())).as("the live collection's index").containsKey(current.incarnation());
    }

    /** A ready backup of one collection, its archive listed in {@link #archiveEntries}. */
    private BackupId readyBackupOf(String name) {
        MessageDigest digest = Checksums.sha256();
        digest.update(INDEX_FILE);
        ArchivePath file = new ArchivePath(new CollectionName(name), "_0.cfs");
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT_VERSION, ACME, Instant.EPOCH, List.of(new BackupManifest.Entry(
                file.collection(), SPEC, Instant.EPOCH, 0, List.of(new ArchiveFile(file, INDEX_FILE.length, Checksums.hex(digest))))));
        byte[] manifestBytes = BackupManifestJson.write(manifest);
        archiveEntries.add(new ArchiveCodecPort.Entry(ArchivePath.MANIFEST, ArchiveCodecPort.Kind.FILE, manifestBytes.length,
                new ByteArrayInputStream(manifestBytes)));
        archiveEntries.add(new ArchiveCodecPort.Entry(file.toString(), ArchiveCodecPort.Kind.FILE, INDEX_FILE.length, new ByteArrayInputStream(INDEX_FILE)));
        Backup backup = Backup.started(BackupId.random(), ACME, "nightly", manifest.names(), Instant.EPOCH).ready(0, 1, "0".repeat(64));
        backups.add(backup);
        try (var archive = backups.create(ACME, backup.id())) {
            archive.commit();
        }
        return backup.id();
    }

    /** Every collection stores {@value #STORED_BYTES} bytes; a restored one appears in the in-memory index when installed. */
    private final class InMemorySnapshots implements IndexSnapshotPort {
        @Override
        public IndexSnapshot snapshot(Collection collection) {
            throw new UnsupportedOperationException("not in these tests");
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
                public void verify(CollectionSpec spec, long vectorCount) {
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

    /** Reads the entries of {@link #archiveEntries}, whatever the bytes. */
    private final class ListedArchive implements ArchiveCodecPort {
        @Override
        public ArchiveWriter writer(OutputStream out) {
            throw new UnsupportedOperationException("not in these tests");
        }

        @Override
        public ArchiveReader reader(InputStream in, long maxUnpackedBytes) {
            Iterator<Entry> entries = archiveEntries.iterator();
            return () -> entries.hasNext() ? Optional.of(entries.next()) : Optional.empty();
        }
    }

    private final class RecordingQuota implements BackupQuotaPort {
        @Override
        public void checkBackup(TenantId tenant, long backupBytes, long bytes) {
            quotaAskedFor.add(bytes);
        }

        @Override
        public void checkRestore(TenantId tenant, int collections, long vectors, long bytes) {
        }
    }
}
