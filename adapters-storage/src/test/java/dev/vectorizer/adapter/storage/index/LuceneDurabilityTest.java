package dev.vectorizer.adapter.storage.index;

import static dev.vectorizer.adapter.storage.index.Fixtures.collection;
import static dev.vectorizer.adapter.storage.index.Fixtures.ids;
import static dev.vectorizer.adapter.storage.index.Fixtures.scrollAll;
import static dev.vectorizer.adapter.storage.index.Fixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.Range;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A returned write survives a crash; a torn last record loses exactly its batch. */
class LuceneDurabilityTest {

    @TempDir
    Path dir;

    private final Collection c = collection("c", 4);
    private final Random random = new Random(11);
    /** What the collection must hold: id to vector. */
    private final TreeMap<String, Vector> expected = new TreeMap<>();

    private LuceneVectorIndex open() {
        // no background commits: everything after the open-time commit lives only in the translog
        return new LuceneVectorIndex(new DataDirectory(dir), 8, Duration.ofHours(1), Duration.ZERO);
    }

    private List<Vector> batch(int batch, int size) {
        List<Vector> vectors = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = "b" + batch + "-" + i;
            vectors.add(vector(id, Fixtures.random(random, 4), new Payload(Map.of("batch", (long) batch, "i", (long) i))));
        }
        return vectors;
    }

    private void upsert(LuceneVectorIndex index, List<Vector> vectors) {
        index.upsert(c, vectors);
        vectors.forEach(v -> expected.put(v.id().value(), v));
    }

    private void assertHoldsExpected(LuceneVectorIndex index) {
        List<Vector> all = scrollAll(index, c, Optional.empty(), 100);
        assertThat(ids(all)).containsExactlyElementsOf(expected.keySet());
        for (Vector v : all) {
            Vector want = expected.get(v.id().value());
            assertThat(v.values()).containsExactly(want.values());
            assertThat(v.payload()).isEqualTo(want.payload());
        }
        assertThat(index.stats(c).vectorCount()).isEqualTo(expected.size());
    }

    private void writeSomeBatches(LuceneVectorIndex index, int first, int count) {
        for (int b = first; b < first + count; b++) {
            upsert(index, batch(b, 20));
        }
        // replace, delete by id and delete by filter are all logged
        upsert(index, List.of(vector("b" + first + "-0", new float[] {9, 9, 9, 9}, new Payload(Map.of("batch", -1L)))));
        index.delete(c, List.of(new VectorId("b" + first + "-1"), new VectorId("nope")));
        expected.remove("b" + first + "-1");
        Filter highI = new Filter(List.of(new Range("i", null, 17.0, null, null)), null, null);
        long deleted = -index.deleteMatching(c, highI).vectors();
        long before = expected.size();
        expected.values().removeIf(v -> highI.matches(v.payload()));
        assertThat(deleted).isEqualTo(before - expected.size());
    }

    /** Opens the index, creates the collection and writes batches 0 to {@code batches - 1} (see {@link #writeSomeBatches}). */
    private LuceneVectorIndex createWithBatches(int batches) {
        LuceneVectorIndex index = open();
        index.create(c);
        writeSomeBatches(index, 0, batches);
        return index;
    }

    /** Crashes {@code index}, opens the data directory again and checks it holds every acknowledged write. */
    private LuceneVectorIndex crashAndReopen(LuceneVectorIndex index) throws IOException {
        IndexTestSeam.crash(index);
        LuceneVectorIndex reopened = open();
        assertHoldsExpected(reopened);
        return reopened;
    }

    /** Damages a file of the translog. */
    private interface Damage {
        void apply(Path file) throws IOException;
    }

    /**
     * Writes {@code earlier} batches, then {@code last} as one more, crashes, damages the translog's
     * newest generation and reopens: exactly {@code last} must be gone. Returns the reopened index.
     */
    private LuceneVectorIndex crashDamagingTheLastBatch(int earlier, List<Vector> last, Damage damage) throws IOException {
        LuceneVectorIndex index = createWithBatches(earlier);
        TreeMap<String, Vector> beforeLast = new TreeMap<>(expected);
        upsert(index, last);
        IndexTestSeam.crash(index);

        Path translog = IndexTestSeam.paths(dir, c).translog();
        damage.apply(Translog.file(translog, Translog.generations(translog).getLast()));
        expected.clear();
        expected.putAll(beforeLast);

        LuceneVectorIndex reopened = open();
        assertHoldsExpected(reopened);
        return reopened;
    }

    @Test
    void everyReturnedWriteSurvivesACrash() throws IOException {
        LuceneVectorIndex index = createWithBatches(5);
        LuceneVectorIndex reopened = crashAndReopen(index);
        // and again after the replayed state was committed and more was written
        writeSomeBatches(reopened, 10, 3);
        LuceneVectorIndex third = crashAndReopen(reopened);
        third.close();
    }

    /** Every file of the collection, with its size and modification time. */
    private Map<String, String> files() throws IOException {
        Path root = IndexTestSeam.paths(dir, c).root();
        Map<String, String> files = new TreeMap<>();
        try (var walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.size(file) + " bytes, modified " + Files.getLastModifiedTime(file));
            }
        }
        return files;
    }

    @Test
    void openingAClosedCollectionToReadItWritesNothing() throws IOException {
        LuceneVectorIndex index = createWithBatches(2);
        index.close();
        Map<String, String> atRest = files();

        LuceneVectorIndex reopened = open();
        assertHoldsExpected(reopened); // scrolls, searches nothing else: reads only
        reopened.close();
        assertThat(files()).isEqualTo(atRest);
    }

    @Test
    void writesAfterOpeningToReadSurviveACrash() throws IOException {
        LuceneVectorIndex index = createWithBatches(2);
        index.close();

        LuceneVectorIndex reader = open();
        assertHoldsExpected(reader);
        LuceneVectorIndex writer = crashAndReopen(reader);
        writeSomeBatches(writer, 5, 2);
        LuceneVectorIndex third = crashAndReopen(writer);
        third.close();
        assertThat(Translog.generations(IndexTestSeam.paths(dir, c).translog())).hasSize(1);
    }

    @Test
    void writesBeforeAndAfterABackgroundCommitSurviveACrash() throws IOException {
        LuceneVectorIndex index = createWithBatches(3);
        index.maintain(); // commits and rolls the translog
        writeSomeBatches(index, 5, 3);
        Path translog = IndexTestSeam.paths(dir, c).translog();
        assertThat(Translog.generations(translog)).hasSize(1);
        LuceneVectorIndex reopened = crashAndReopen(index);
        reopened.close();
    }

    @Test
    void aTornLastRecordLosesExactlyThatBatch() throws IOException {
        LuceneVectorIndex reopened = crashDamagingTheLastBatch(4, batch(99, 30), last -> {
            try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
                ch.truncate(ch.size() - 3);
            }
        });
        IndexTestSeam.crash(reopened);
        // the truncated tail is gone for good: a second recovery agrees
        LuceneVectorIndex again = open();
        assertHoldsExpected(again);
        again.close();
    }

    @Test
    void aCorruptLastRecordIsDiscardedToo() throws IOException {
        LuceneVectorIndex reopened = crashDamagingTheLastBatch(2, batch(98, 5), last -> {
            byte[] bytes = Files.readAllBytes(last);
            bytes[bytes.length - 10] ^= 0x55; // flip bits inside the last record's body: CRC mismatch
            Files.write(last, bytes);
        });
        reopened.close();
    }

    @Test
    void aNormalCloseKeepsEverythingAndTrimsTheTranslog() throws IOException {
        LuceneVectorIndex index = createWithBatches(4);
        index.close();
        Path translog = IndexTestSeam.paths(dir, c).translog();
        assertThat(Translog.sizeOf(translog)).isZero();

        LuceneVectorIndex reopened = open();
        assertHoldsExpected(reopened);
        reopened.close();
    }

    @Test
    void corruptionInAnOlderGenerationRefusesToOpenInsteadOfDroppingAcknowledgedWrites() throws IOException {
        LuceneVectorIndex index = createWithBatches(2);
        IndexTestSeam.crash(index);
        Path translog = IndexTestSeam.paths(dir, c).translog();
        long gen = Translog.generations(translog).getLast();
        // a later generation exists (as after a roll): the older one was complete when it was created
        Files.write(Translog.file(translog, gen + 1), new byte[0]);
        Path older = Translog.file(translog, gen);
        byte[] bytes = Files.readAllBytes(older);
        bytes[20] ^= 0x55;
        Files.write(older, bytes);

        LuceneVectorIndex reopened = open();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reopened.stats(c)).hasStackTraceContaining("is corrupt at offset");
        reopened.close();
    }

    @Test
    void aBatchLuceneRejectsChangesNothingAndDoesNotPoisonTheLog() throws IOException {
        LuceneVectorIndex index = createWithBatches(1);
        Vector replacement = vector("b0-0", new float[] {7, 7, 7, 7}, Payload.EMPTY);
        Vector wrongDimension = vector("bad", new float[] {1, 2, 3}, Payload.EMPTY);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.upsert(c, List.of(replacement, wrongDimension)))
                .isInstanceOf(IllegalArgumentException.class);
        assertHoldsExpected(index); // neither the replacement nor the delete of the old b0-0 happened
        upsert(index, batch(50, 5));
        LuceneVectorIndex reopened = crashAndReopen(index); // the rejected record is skipped on replay
        reopened.close();
    }

    @Test
    void oversizedPayloadStringsAreStoredButNotIndexed() throws IOException {
        LuceneVectorIndex index = open();
        index.create(c);
        String huge = "x".repeat(40_000);
        upsert(index, List.of(vector("big", new float[] {1, 2, 3, 4}, new Payload(Map.of("s", huge, "t", "small")))));
        assertHoldsExpected(index);
        assertThat(ids(scrollAll(index, c, Optional.of(new Filter(List.of(new dev.vectorizer.domain.search.Match("t", "small")), null, null)), 10)))
                .containsExactly("big");
        index.close();
    }
}
