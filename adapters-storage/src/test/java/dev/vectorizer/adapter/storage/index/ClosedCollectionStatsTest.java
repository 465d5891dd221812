package dev.vectorizer.adapter.storage.index;

import static dev.vectorizer.adapter.storage.index.Fixtures.collection;
import static dev.vectorizer.adapter.storage.index.Fixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionStats;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.VectorQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stats of a collection whose index is not open are read from its last commit: the numbers the index
 * gives once opened (on disk, the translog's bytes move into segments at the close), and the set of open
 * indexes stays as it was (a listing of many collections neither opens them nor closes others to make
 * room). Where the commit is not the whole story (a replay is due after a crash) the collection is opened
 * as before, so the numbers hold every acknowledged write, also while writes and evictions race them.
 */
class ClosedCollectionStatsTest {

    @TempDir
    Path dir;
    private LuceneVectorIndex index;

    private LuceneVectorIndex open() {
        return new LuceneVectorIndex(new DataDirectory(dir), 3, Duration.ofHours(1), Duration.ZERO);
    }

    @AfterEach
    void close() {
        index.close();
    }

    /** {@code n} vectors with payloads of growing size, one of them deleted again. */
    private void fill(Collection c, int n) {
        List<Vector> vectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            vectors.add(vector("v" + i, new float[] {i + 1, 2, 3}, new Payload(Map.of("text", "x".repeat(i)))));
        }
        index.upsert(c, vectors);
        index.delete(c, List.of(new VectorId("v0")));
    }

    @Test
    void aClosedCollectionsStatsAreItsOpenStatsAndLeaveEveryIndexAsItWas() {
        index = open();
        Map<Collection, CollectionStats> whileOpen = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            Collection c = collection("c" + i, 3);
            index.create(c);
            fill(c, 10 + 7 * i);
            whileOpen.put(c, index.stats(c));
        }
        index.close();

        index = open();
        List<Collection> all = List.copyOf(whileOpen.keySet());
        for (Collection hot : all.subList(0, 2)) {
            index.search(hot, new VectorQuery(new float[] {1, 2, 3}, 1, 10, Optional.empty(), false, false));
        }
        List<String> openBefore = IndexTestSeam.openCollections(index);
        assertThat(openBefore).hasSize(2);
        Map<Collection, CollectionStats> stats = new LinkedHashMap<>();
        for (Collection c : all) {
            stats.put(c, index.stats(c));
        }
        assertThat(IndexTestSeam.openCollections(index)).as("none opened, none closed").containsExactlyInAnyOrderElementsOf(openBefore);

        for (Collection c : all) {
            CollectionStats before = whileOpen.get(c);
            assertThat(stats.get(c).vectorCount()).as(c.ref().name().value()).isEqualTo(before.vectorCount());
            assertThat(stats.get(c).storedBytes()).as(c.ref().name().value()).isEqualTo(before.storedBytes());
            index.search(c, new VectorQuery(new float[] {1, 2, 3}, 1, 10, Optional.empty(), false, false));
            assertThat(index.stats(c)).as("%s, open again", c.ref().name().value()).isEqualTo(stats.get(c));
        }
    }

    @Test
    void aCollectionWithAReplayDueIsOpenedForItsStats() throws Exception {
        index = open();
        Collection c = collection("c", 3);
        index.create(c);
        fill(c, 20);
        CollectionStats acknowledged = index.stats(c);
        IndexTestSeam.crash(index);

        index = open();
        assertThat(index.stats(c).vectorCount()).as("the writes since the last commit count").isEqualTo(19);
        assertThat(index.stats(c).storedBytes()).isEqualTo(acknowledged.storedBytes());
        assertThat(index.openCount()).as("opened to replay the translog").isEqualTo(1);
    }

    @Test
    void statsRacingWritesAndEvictionsCountEveryWriteAcknowledgedBeforeThem() throws Exception {
        index = open(); // three open at most, four collections written in turn: indexes close all the time
        List<Collection> all = new ArrayList<>();
        AtomicLongArray acknowledged = new AtomicLongArray(4);
        for (int i = 0; i < 4; i++) {
            Collection c = collection("c" + i, 3);
            index.create(c);
            all.add(c);
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().start(() -> {
            for (int round = 0; round < 25; round++) {
                for (int i = 0; i < 4; i++) {
                    index.upsert(all.get(i), List.of(vector("r" + round, new float[] {round + 1, i + 1, 1}, Payload.EMPTY)));
                    acknowledged.incrementAndGet(i);
                }
                index.search(all.get(round % 4), new VectorQuery(new float[] {1, 2, 3}, 1, 10, Optional.empty(), false, false));
            }
            writing.set(false);
        });
        int checks = 0;
        while (writing.get() || checks == 0) {
            for (int i = 0; i < 4; i++) {
                long before = acknowledged.get(i);
                long counted = index.stats(all.get(i)).vectorCount();
                long after = acknowledged.get(i);
                assertThat(counted).as("c%d: acknowledged %d before the call, %d after it", i, before, after).isBetween(before, after + 1);
                checks++;
            }
        }
        writer.join();
        assertThat(checks).isGreaterThan(4);
    }

    @Test
    void aDroppedCollectionHasNoStats() {
        index = open();
        Collection c = collection("c", 3);
        index.create(c);
        fill(c, 3);
        index.close();
        index = open();
        index.drop(c);
        assertThatThrownBy(() -> index.stats(c)).isInstanceOf(NotFoundException.class);
    }
}
