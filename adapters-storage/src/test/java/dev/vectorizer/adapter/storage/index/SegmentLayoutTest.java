package dev.vectorizer.adapter.storage.index;

import static dev.vectorizer.adapter.storage.index.Fixtures.collection;
import static dev.vectorizer.adapter.storage.index.Fixtures.ids;
import static dev.vectorizer.adapter.storage.index.Fixtures.scrollAll;
import static dev.vectorizer.adapter.storage.index.Fixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.VectorQuery;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A collection that stops changing is merged to one segment in the background; writes and searches
 * during the merge go on, and nothing acknowledged is lost across the merge or a crash after it.
 */
class SegmentLayoutTest extends IndexInTempDir {

    private static List<Vector> batch(Random random, int first, int count) {
        List<Vector> vectors = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            vectors.add(vector(String.format("%05d", i), Fixtures.random(random, 16), Payload.EMPTY));
        }
        return vectors;
    }

    /** Upserts batches {@code first} to {@code last - 1} of {@code size} vectors each (ids by row), one call each; returns them. */
    private List<Vector> upsertBatches(Collection c, Random random, int first, int last, int size) throws IOException {
        List<Vector> written = new ArrayList<>();
        for (int b = first; b < last; b++) {
            List<Vector> vectors = batch(random, b * size, size);
            index.upsert(c, vectors);
            written.addAll(vectors);
        }
        return written;
    }

    @Test
    void aSettledCollectionIsMergedToOneSegmentWhileWritesAndSearchesGoOn() throws Exception {
        open(Duration.ofMillis(50));
        Collection c = collection("merged", 16);
        index.create(c);
        Random random = new Random(5);
        List<Vector> settled = upsertBatches(c, random, 0, 12, 100);
        assertThat(IndexTestSeam.segmentsOnceMerged(index, c)).isEqualTo(1);
        List<Vector> all = new ArrayList<>(settled);

        // more batches while searching: each becomes a segment again, then is merged away again
        ExecutorService searchers = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> searching = searchers.submit(() -> {
                int found = 0;
                for (int i = 0; i < 200; i++) {
                    found += index.search(c, new VectorQuery(settled.get(i).values(), 1, 20, Optional.empty(), false, false)).size();
                }
                return found;
            });
            all.addAll(upsertBatches(c, random, 12, 20, 100));
            assertThat(searching.get()).isEqualTo(200);
        } finally {
            searchers.shutdown();
        }
        assertThat(IndexTestSeam.segmentsOnceMerged(index, c)).isEqualTo(1);

        assertThat(ids(scrollAll(index, c, Optional.empty(), 500))).containsExactlyElementsOf(ids(all));
        for (Vector v : all.subList(0, 50)) {
            List<ScoredPoint> hits = index.search(c, new VectorQuery(v.values(), 1, 50, Optional.empty(), false, true));
            assertThat(hits.getFirst().id()).isEqualTo(v.id());
            assertThat(hits.getFirst().vector().orElseThrow()).isEqualTo(v.values());
        }

        IndexTestSeam.crash(index);
        open(Duration.ofHours(1));
        assertThat(index.stats(c).vectorCount()).isEqualTo(all.size());
        assertThat(index.get(c, new VectorId("01999")).orElseThrow().values()).isEqualTo(all.getLast().values());
    }

    @Test
    void closingDuringAMergeLosesNothing() throws IOException {
        open(Duration.ofMillis(1));
        Collection c = collection("closing", 16);
        index.create(c);
        List<Vector> all = upsertBatches(c, new Random(6), 0, 30, 200);
        index.close(); // whether or not a merge had started
        open(Duration.ofHours(1));
        assertThat(ids(scrollAll(index, c, Optional.empty(), 1000))).containsExactlyElementsOf(ids(all));
    }
}
