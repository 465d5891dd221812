package dev.vectorizer.adapter.storage.index;

import static dev.vectorizer.adapter.storage.index.Fixtures.collection;
import static dev.vectorizer.adapter.storage.index.Fixtures.inParallel;
import static dev.vectorizer.adapter.storage.index.Fixtures.scrollAll;
import static dev.vectorizer.adapter.storage.index.Fixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.Match;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.VectorQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent writers on shared ids replay to the same state; eviction under load loses nothing; searches
 * racing evictions and closes never use a closed index.
 */
class LuceneConcurrencyTest {

    @TempDir
    Path dir;

    private static Map<String, Object> snapshot(LuceneVectorIndex index, Collection c) {
        Map<String, Object> state = new java.util.TreeMap<>();
        for (Vector v : scrollAll(index, c, Optional.empty(), 500)) {
            state.put(v.id().value(), List.of(v.payload(), java.util.Arrays.toString(v.values())));
        }
        return state;
    }

    @Test
    void concurrentWritesToTheSameIdsReplayToTheStateThatWasVisible() throws Exception {
        LuceneVectorIndex index = new LuceneVectorIndex(new DataDirectory(dir), 8, Duration.ofMillis(100), Duration.ZERO);
        Collection c = collection("c", 4);
        index.create(c);
        inParallel(4, thread -> {
            Random random = new Random(thread);
            for (int i = 0; i < 40; i++) {
                int op = random.nextInt(10);
                if (op < 7) {
                    List<Vector> batch = new ArrayList<>();
                    for (int j = 0; j < 5; j++) {
                        batch.add(vector("id" + random.nextInt(40), Fixtures.random(random, 4),
                                new Payload(Map.of("t", (long) thread, "i", (long) i, "even", i % 2 == 0))));
                    }
                    index.upsert(c, batch);
                } else if (op < 9) {
                    index.delete(c, List.of(new VectorId("id" + random.nextInt(40))));
                } else {
                    index.deleteMatching(c, new Filter(List.of(new Match("t", (long) thread), new Match("even", true)), null, null));
                }
            }
        });
        Map<String, Object> visible = snapshot(index, c);
        IndexTestSeam.crash(index); // background commits ran meanwhile; the rest is replayed

        LuceneVectorIndex reopened = new LuceneVectorIndex(new DataDirectory(dir), 8, Duration.ofHours(1), Duration.ZERO);
        assertThat(snapshot(reopened, c)).isEqualTo(visible);
        reopened.close();
    }

    @Test
    void manyCollectionsWithFewOpenSlotsUnderConcurrentLoad() throws Exception {
        LuceneVectorIndex index = new LuceneVectorIndex(new DataDirectory(dir), 2, Duration.ofMillis(50), Duration.ZERO);
        List<Collection> collections = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Collection c = collection("tenant" + (i % 2), "c" + i, 4, dev.vectorizer.domain.Metric.EUCLIDEAN, dev.vectorizer.domain.Quantization.NONE);
            collections.add(c);
            index.create(c);
        }
        AtomicLong[] counts = new AtomicLong[collections.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new AtomicLong();
        }
        inParallel(4, thread -> {
            Random random = new Random(100 + thread);
            for (int i = 0; i < 40; i++) {
                int which = random.nextInt(collections.size());
                Collection c = collections.get(which);
                if (random.nextBoolean()) {
                    index.upsert(c, List.of(vector("t" + thread + "-" + i, Fixtures.random(random, 4), null)));
                    counts[which].incrementAndGet();
                } else {
                    index.search(c, new VectorQuery(Fixtures.random(random, 4), 5, 20, Optional.empty(), false, false));
                }
                // an opener closes the eldest after opening: each of the four threads and the background
                // maintenance (which reopens a read-only index with its writer to merge it) may be one over
                assertThat(IndexTestSeam.openCollections(index).size()).isLessThanOrEqualTo(2 + 4 + 1);
            }
        });
        for (int i = 0; i < collections.size(); i++) {
            assertThat(index.stats(collections.get(i)).vectorCount()).isEqualTo(counts[i].get());
        }
        index.stopMaintenance(); // the bound holds exactly once nothing is opening
        assertThat(IndexTestSeam.openCollections(index).size()).isLessThanOrEqualTo(2);
        index.close();
        LuceneVectorIndex reopened = new LuceneVectorIndex(new DataDirectory(dir));
        for (int i = 0; i < collections.size(); i++) {
            assertThat(reopened.stats(collections.get(i)).vectorCount()).isEqualTo(counts[i].get());
        }
        reopened.close();
    }

    /**
     * Searches take no lock to find their open index ({@link OpenIndexes}): with two open indexes for
     * three collections searches close each other's indexes while other threads may be about to search
     * them, and a closer thread closes them as well. A search that used an index after its close would
     * fail (its searchers are released) or answer from another collection; every one must find its own
     * collection's nearest vector.
     */
    @Test
    void searchesRacingEvictionsAndClosesAlwaysAnswerFromAnOpenIndex() throws Exception {
        LuceneVectorIndex index = new LuceneVectorIndex(new DataDirectory(dir), 2, Duration.ofHours(1), Duration.ZERO);
        List<Collection> collections = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Collection c = collection("c" + i, 4);
            collections.add(c);
            index.create(c);
            index.upsert(c, List.of(vector("c" + i + "-near", new float[] {1, i, 0, 0}, null),
                    vector("c" + i + "-far", new float[] {-1, -i, 0, 1}, null)));
        }
        AtomicBoolean searching = new AtomicBoolean(true);
        inParallel(5, thread -> {
            Random random = new Random(thread);
            if (thread == 0) { // the closer
                while (searching.get()) {
                    index.openIndexes().close(OpenIndexes.key(collections.get(random.nextInt(collections.size()))));
                }
                return;
            }
            try {
                for (int i = 0; i < 2000; i++) {
                    int which = random.nextInt(collections.size());
                    List<ScoredPoint> hits = index.search(collections.get(which),
                            new VectorQuery(new float[] {1, which, 0, 0}, 1, 10, Optional.empty(), false, false));
                    assertThat(hits).extracting(hit -> hit.id().value()).containsExactly("c" + which + "-near");
                }
            } finally {
                searching.set(false);
            }
        });
        assertThat(IndexTestSeam.openCollections(index).size()).isLessThanOrEqualTo(2);
        index.close();
    }

    /**
     * Recency is kept to within a sixteenth of the bound: a collection searched between the opens of
     * others stays open however many others are opened, and the bound holds.
     */
    @Test
    void aCollectionInUseIsNotTheOneClosedWhenOthersOpen() {
        int maxOpen = 32;
        LuceneVectorIndex index = new LuceneVectorIndex(new DataDirectory(dir), maxOpen, Duration.ofHours(1), Duration.ZERO);
        Collection hot = collection("hot", 2);
        index.create(hot);
        index.upsert(hot, List.of(vector("h", new float[] {1, 0}, null)));
        for (int i = 0; i < 3 * maxOpen; i++) {
            Collection other = collection("other" + i, 2);
            index.create(other);
            assertThat(index.search(hot, new VectorQuery(new float[] {1, 0}, 1, 10, Optional.empty(), false, false))).hasSize(1);
            assertThat(IndexTestSeam.openCollections(index)).contains("t1:hot").hasSizeLessThanOrEqualTo(maxOpen);
        }
        index.close();
    }
}
