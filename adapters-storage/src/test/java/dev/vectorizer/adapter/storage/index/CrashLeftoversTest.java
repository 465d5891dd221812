package dev.vectorizer.adapter.storage.index;

import static dev.vectorizer.adapter.storage.index.Fixtures.collection;
import static dev.vectorizer.adapter.storage.index.Fixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.adapter.storage.backup.LocalBackupStore;
import dev.vectorizer.adapter.storage.metadata.JpaBackupCatalog;
import dev.vectorizer.adapter.storage.metadata.JpaCollectionCatalog;
import dev.vectorizer.adapter.storage.metadata.MetadataStore;
import dev.vectorizer.application.port.out.BackupStorePort.PendingArchive;
import dev.vectorizer.application.port.out.IndexSnapshotPort.IndexSnapshot;
import dev.vectorizer.application.port.out.IndexSnapshotPort.RestoringIndex;
import dev.vectorizer.application.port.out.IndexSnapshotPort.SnapshotFile;
import dev.vectorizer.application.service.CrashRecovery;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.backup.BackupStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The states a kill -9 can leave in collection creation, deletion, restore and backups, built on a
 * real data directory (H2 catalog, Lucene indexes, archive files), then a restart: whatever the
 * catalog does not name is gone, whatever it names is intact, and nothing unsettled remains.
 */
class CrashLeftoversTest {

    private static final TenantId ACME = new TenantId("t1");

    @TempDir
    Path dir;

    private DataDirectory data;
    private MetadataStore metadata;
    private JpaCollectionCatalog catalog;
    private JpaBackupCatalog backups;
    private LocalBackupStore archives;
    private LuceneVectorIndex index;

    @BeforeEach
    void start() {
        data = new DataDirectory(dir).ensureExists();
        open();
    }

    private void open() {
        metadata = new MetadataStore(data);
        metadata.open();
        catalog = new JpaCollectionCatalog(metadata);
        backups = new JpaBackupCatalog(metadata);
        archives = new LocalBackupStore(data, Optional.empty());
        index = new LuceneVectorIndex(data, 16, Duration.ofSeconds(30), Duration.ZERO);
    }

    /** The process dies (nothing closed, nothing committed), starts again and recovers. */
    private void crashAndRestart() throws IOException {
        IndexTestSeam.crash(index);
        metadata.close();
        open();
        new CrashRecovery(catalog, index, backups, archives).recover();
    }

    @AfterEach
    void stop() {
        index.close();
        metadata.close();
    }

    private Collection created(String name) {
        Collection collection = collection(name, 4);
        index.create(collection);
        catalog.add(collection);
        index.settle(collection);
        index.upsert(collection, List.of(vector("a", new float[] {1, 2, 3, 4}, new Payload(Map.of()))));
        return collection;
    }

    private Path root(Collection collection) {
        return CollectionPaths.of(data, collection).root();
    }

    @Test
    void aCollectionWhoseCatalogEntryNeverCommittedIsDeletedAndASettledOneKept() throws IOException {
        Collection kept = created("kept");
        Collection halfMade = collection("half", 4);
        index.create(halfMade); // the crash comes before catalog.add

        crashAndRestart();

        assertThat(root(halfMade)).doesNotExist();
        assertThat(index.stats(kept).vectorCount()).isEqualTo(1);
        assertThat(notes()).isEmpty();
    }

    @Test
    void aCollectionRemovedFromTheCatalogButNotFromDiskIsDeleted() throws IOException {
        Collection deleted = created("deleted");
        index.unsettle(deleted);
        catalog.remove(deleted); // the crash comes before index.drop

        crashAndRestart();

        assertThat(root(deleted)).doesNotExist();
        assertThat(notes()).isEmpty();
    }

    @Test
    void aRestoreIsEitherTheCollectionOrGoneAfterACrash() throws Exception {
        Collection live = created("docs");
        LuceneSnapshots snapshots = new LuceneSnapshots(index, data);
        Collection unpublished = restoreOf(snapshots, live); // installed; the crash comes before catalog.replace
        Collection swapped = restoreOf(snapshots, live);
        index.unsettle(live);
        catalog.replace(live, swapped); // the crash comes before dropping the old files and settling

        crashAndRestart();

        assertThat(root(unpublished)).doesNotExist();
        assertThat(root(live)).as("the replaced incarnation").doesNotExist();
        assertThat(catalog.find(live.ref()).map(Collection::incarnation)).contains(swapped.incarnation());
        assertThat(index.stats(swapped).vectorCount()).isEqualTo(1);
        assertThat(notes()).isEmpty();
        try (Stream<Path> dirs = Files.list(root(live).getParent())) {
            assertThat(dirs).containsExactly(root(swapped));
        }
    }

    private Collection restoreOf(LuceneSnapshots snapshots, Collection source) throws IOException {
        Collection fresh = new Collection(source.ref(), source.spec(), source.createdAt(), Incarnation.random());
        try (IndexSnapshot snapshot = snapshots.snapshot(source); RestoringIndex restoring = snapshots.restoring(fresh)) {
            for (SnapshotFile file : snapshot.files()) {
                try (InputStream in = snapshot.open(file); OutputStream out = restoring.create(file.name())) {
                    in.transferTo(out);
                }
            }
            restoring.verify(source.spec(), snapshot.vectorCount());
            restoring.install();
        }
        return fresh;
    }

    @Test
    void onlyArchivesOfReadyBackupsSurviveACrashAndRunningBackupsFail() throws IOException {
        Backup ready = backup("ready");
        backups.add(ready);
        commit(ready.id());
        backups.update(ready.ready(1, 3, "0".repeat(64)));
        BackupId uploaded = BackupId.random(); // committed; the crash comes before its record
        commit(uploaded);
        BackupId unfinished = BackupId.random(); // never committed
        PendingArchive cutShort = archives.create(ACME, unfinished);
        cutShort.stream().write(new byte[] {1, 2});
        Backup running = backup("running"); // committed; the crash comes before its record is ready
        backups.add(running);
        commit(running.id());
        Path foreign = Files.writeString(dir.resolve("backups").resolve(ACME.value()).resolve("README.txt"), "not an archive");

        crashAndRestart();

        try (Stream<Path> files = Files.list(dir.resolve("backups").resolve(ACME.value()))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(ready.id() + ".tar.gz", "README.txt");
        }
        assertThat(backups.list(ACME)).extracting(Backup::id, Backup::status)
                .containsExactlyInAnyOrder(tuple(ready.id(), BackupStatus.READY), tuple(running.id(), BackupStatus.FAILED));
        assertThat(foreign).exists();
        cutShort.close();
    }

    private static Backup backup(String name) {
        return Backup.started(BackupId.random(), ACME, name, List.of(new CollectionName("docs")), Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private void commit(BackupId id) throws IOException {
        PendingArchive pending = archives.create(ACME, id);
        pending.stream().write(new byte[] {1, 2, 3});
        pending.commit();
        pending.close();
    }

    private List<Path> notes() throws IOException {
        Path notes = dir.resolve("unsettled");
        if (!Files.exists(notes)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(notes)) {
            return files.toList();
        }
    }
}
