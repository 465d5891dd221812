package dev.vectorizer.adapter.storage.index;

import static dev.vectorizer.adapter.storage.index.Fixtures.collection;
import static dev.vectorizer.adapter.storage.index.Fixtures.scrollAll;
import static dev.vectorizer.adapter.storage.index.Fixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.application.port.out.IndexSnapshotPort.IndexSnapshot;
import dev.vectorizer.application.port.out.IndexSnapshotPort.RestoringIndex;
import dev.vectorizer.application.port.out.IndexSnapshotPort.SnapshotFile;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Vector;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots of real Lucene indexes while writes go on, and restores built from them. */
class LuceneSnapshotsTest {

    private static final int PER_BATCH = 20;

    @TempDir
    Path dir;

    private LuceneVectorIndex index;
    private LuceneSnapshots snapshots;

    private void open(int maxOpen) {
        DataDirectory data = new DataDirectory(dir);
        index = new LuceneVectorIndex(data, maxOpen, Duration.ofMillis(50), Duration.ZERO);
        snapshots = new LuceneSnapshots(index, data);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private static List<Vector> batch(int b) {
        List<Vector> vectors = new ArrayList<>();
        for (int i = 0; i < PER_BATCH; i++) {
            vectors.add(vector("b" + b + "-" + i, new float[] {b + 1, i + 1, 1, 1}, new Payload(Map.of("batch", (long) b))));
        }
        return vectors;
    }

    /** Copies the snapshot into a new incarnation of {@code into}, verified and installed. */
    private Collection restore(IndexSnapshot snapshot, Collection into) throws Exception {
        Collection fresh = new Collection(into.ref(), into.spec(), into.createdAt(), Incarnation.random());
        try (RestoringIndex restoring = snapshots.restoring(fresh)) {
            for (SnapshotFile file : snapshot.files()) {
                try (InputStream in = snapshot.open(file); OutputStream out = restoring.create(file.name())) {
                    in.transferTo(out);
                }
            }
            long storedBytes = restoring.verify(into.spec(), snapshot.vectorCount());
            restoring.install();
            assertThat(index.stats(fresh).storedBytes()).as("what verify measures is what the restored index holds").isEqualTo(storedBytes);
        }
        return fresh;
    }

    /** Opens the index and creates collection {@code name} holding batch 0. */
    private Collection openWithOneBatch(String name) {
        open(8);
        Collection c = collection(name, 4);
        index.create(c);
        index.upsert(c, batch(0));
        return c;
    }

    @Test
    void aSnapshotTakenWhileWritesGoOnHoldsEveryEarlierBatchWholeAndStaysUnchanged() throws Exception {
        open(8);
        Collection c = collection("live", 4);
        index.create(c);
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> writes = writer.submit(() -> {
                for (int b = 0; !stop.get() || b < 30; b++) {
                    index.upsert(c, batch(b));
                    acknowledged.incrementAndGet();
                }
            });
            while (acknowledged.get() < 10) {
                Thread.onSpinWait();
            }
            int before = acknowledged.get();
            IndexSnapshot snapshot = snapshots.snapshot(c);
            int after = acknowledged.get();
            stop.set(true);
            writes.get();
            try (snapshot) {
                Collection restored = restore(snapshot, c);
                Map<Long, Integer> perBatch = new TreeMap<>();
                for (Vector v : scrollAll(index, restored, Optional.empty(), 500)) {
                    perBatch.merge((Long) v.payload().fields().get("batch"), 1, Integer::sum);
                }
                assertThat(perBatch.values()).as("whole batches only").allMatch(n -> n == PER_BATCH);
                assertThat(perBatch.keySet()).as("a prefix of the batches").containsExactlyElementsOf(
                        java.util.stream.LongStream.range(0, perBatch.size()).boxed().toList());
                assertThat(perBatch.size()).as("every batch acknowledged before the snapshot, none after it finished")
                        .isBetween(before, after + 1);
                assertThat(snapshot.vectorCount()).isEqualTo((long) perBatch.size() * PER_BATCH);
                assertThat(index.stats(c).vectorCount()).as("the live collection went on").isGreaterThan(snapshot.vectorCount());
                assertThat(index.get(restored, new dev.vectorizer.domain.VectorId("b0-3")).orElseThrow().values())
                        .containsExactly(1, 4, 1, 1);
            }
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void anIdleCollectionIsSnapshottedWithoutBeingKeptOpen() throws Exception {
        Collection c = openWithOneBatch("idle");
        index.openIndexes().closeAll();

        try (IndexSnapshot snapshot = snapshots.snapshot(c)) {
            assertThat(snapshot.vectorCount()).isEqualTo(PER_BATCH);
            assertThat(index.openIndexes().openKeys()).isEmpty();
        }
    }

    @Test
    void anIdleCollectionIsSizedFromItsFilesWithoutBeingOpened() throws Exception {
        open(8);
        Collection c = collection("sized", 4);
        assertThat(snapshots.estimateBytes(c)).as("nothing stored yet").isZero();
        index.create(c);
        index.upsert(c, batch(0));
        index.openIndexes().closeAll();

        long estimate = snapshots.estimateBytes(c);

        assertThat(index.openIndexes().openKeys()).isEmpty();
        try (IndexSnapshot snapshot = snapshots.snapshot(c)) {
            assertThat(estimate).isGreaterThanOrEqualTo(snapshot.files().stream().mapToLong(SnapshotFile::size).sum()).isPositive();
        }
    }

    @Test
    void aRestoreRefusesFilesThatAreNotAnIndexOfTheExpectedDimensionOrCount() throws Exception {
        Collection c = openWithOneBatch("dims");
        try (IndexSnapshot snapshot = snapshots.snapshot(c)) {
            CollectionSpec three = new CollectionSpec(3, c.spec().metric(), c.spec().hnsw(), c.spec().quantization(), Optional.empty());
            Collection other = new Collection(c.ref(), three, c.createdAt(), Incarnation.random());
            assertThatThrownBy(() -> restore(snapshot, other)).isInstanceOf(InvalidValueException.class).hasMessageContaining("dimension 4");
            try (RestoringIndex restoring = snapshots.restoring(other)) {
                restoring.create("segments_1").close();
                assertThatThrownBy(() -> restoring.verify(c.spec(), 0)).isInstanceOf(InvalidValueException.class);
            }
        }
    }

    @Test
    void aCollectionLaidOutTheEarlierWayIsBackedUpAndRestoredIntoTheTenantsDirectory() throws Exception {
        Collection c = openWithOneBatch("older");
        index.close();
        Path tenant = dir.resolve("tenants/t1");
        Path earlier = tenant.resolve("collections/older." + c.incarnation());
        Files.createDirectories(earlier.getParent());
        Files.move(tenant.resolve("older." + c.incarnation()), earlier); // where the version before kept it
        open(8);

        assertThat(snapshots.estimateBytes(c)).isPositive();
        Collection restored;
        try (IndexSnapshot snapshot = snapshots.snapshot(c)) {
            restored = restore(snapshot, c);
        }
        index.drop(c); // what a restore with replace does to the old incarnation

        try (Stream<Path> entries = Files.list(tenant)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("older." + restored.incarnation());
        }
        assertThat(scrollAll(index, restored, Optional.empty(), 100)).hasSize(PER_BATCH);
    }
}
