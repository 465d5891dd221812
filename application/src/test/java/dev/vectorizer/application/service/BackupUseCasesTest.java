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
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupStatus;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Principal;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The backup use cases' own rules, on in-memory ports: what they ask of the index, the quota and the catalog. */
class BackupUseCasesTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final CollectionSpec SPEC = new CollectionSpec(3, Metric.COSINE, HnswSettings.DEFAULT, Quantization.NONE, Optional.empty());
    private static final long STORED_BYTES = 1_000;

    private final InMemoryPorts.Catalog collections = new InMemoryPorts.Catalog();
    private final InMemoryPorts.Index index = new InMemoryPorts.Index();
    private final InMemoryPorts.Backups backups = new InMemoryPorts.Backups();
    private final List<Long> quotaAskedFor = new ArrayList<>();
    private final BackupPorts ports = new BackupPorts(backups, backups, collections, index, new InMemorySnapshots(), new NoArchives(),
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

    /** Every collection stores {@value #STORED_BYTES} bytes. */
    private static final class InMemorySnapshots implements IndexSnapshotPort {
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
            throw new UnsupportedOperationException("not in these tests");
        }
    }

    private static final class NoArchives implements ArchiveCodecPort {
        @Override
        public ArchiveWriter writer(OutputStream out) {
            throw new UnsupportedOperationException("not in these tests");
        }

        @Override
        public ArchiveReader reader(InputStream in, long maxUnpackedBytes) {
            throw new UnsupportedOperationException("not in these tests");
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
