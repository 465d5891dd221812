package dev.vectorizer.adapter.storage.index;

import static dev.vectorizer.adapter.storage.index.Fixtures.collection;
import static dev.vectorizer.adapter.storage.index.Fixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.Match;
import dev.vectorizer.domain.usage.UsageChange;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a write changed, as the quotas count it: new ids (not replaced ones) and stored bytes, exact
 * under racing writers of the same ids, kept across a crash and a reopen.
 */
class LuceneUsageTest {

    @TempDir
    Path dir;
    private LuceneVectorIndex index;

    @BeforeEach
    void open() {
        index = new LuceneVectorIndex(new DataDirectory(dir), 4, Duration.ofHours(1), Duration.ZERO);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private static Vector v(String id, String tag) {
        return vector(id, new float[] {1, 2}, new Payload(Map.of("tag", tag)));
    }

    @Test
    void anUpsertCountsItsNewIdsAndTheBytesItAddsOverWhatItReplaces() {
        Collection c = collection("c", 2);
        index.create(c);
        Vector a = v("a", "x");
        Vector b = v("b", "y");
        assertThat(index.upsert(c, List.of(a, b))).isEqualTo(new UsageChange(2, a.storedBytes() + b.storedBytes()));
        Vector longerA = v("a", "a much longer tag");
        Vector fresh = v("c", "z");
        assertThat(index.upsert(c, List.of(longerA, fresh)))
                .isEqualTo(new UsageChange(1, longerA.storedBytes() - a.storedBytes() + fresh.storedBytes()));
        assertThat(index.stats(c).storedBytes()).isEqualTo(longerA.storedBytes() + b.storedBytes() + fresh.storedBytes());

        assertThat(index.delete(c, List.of(new VectorId("b"), new VectorId("nope")))).isEqualTo(new UsageChange(-1, -b.storedBytes()));
        assertThat(index.deleteMatching(c, new Filter(List.of(new Match("tag", "z")), null, null)))
                .isEqualTo(new UsageChange(-1, -fresh.storedBytes()));
        assertThat(index.stats(c).storedBytes()).isEqualTo(longerA.storedBytes());
    }

    @Test
    void anAdmissionSeesTheExactChangeAndARefusalWritesNothing() {
        Collection c = collection("c", 2);
        index.create(c);
        index.upsert(c, List.of(v("a", "x")));
        List<UsageChange> seen = new ArrayList<>();
        assertThat(index.upsert(c, List.of(v("a", "x"), v("b", "x")), seen::add).vectors()).isEqualTo(1);
        assertThat(seen).singleElement().extracting(UsageChange::vectors).isEqualTo(1L);

        assertThatThrownBy(() -> index.upsert(c, List.of(v("c", "x")), change -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(index.get(c, new VectorId("c"))).isEmpty();
        assertThat(index.stats(c).vectorCount()).isEqualTo(2);
        index.upsert(c, List.of(v("d", "x")));
        assertThat(index.stats(c).vectorCount()).isEqualTo(3);
    }

    @Test
    void racingWritersOfTheSameIdsCountEachIdNewExactlyOnce() throws Exception {
        Collection c = collection("c", 2);
        index.create(c);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 5; round++) {
                CyclicBarrier start = new CyclicBarrier(16);
                List<Future<UsageChange>> writes = new ArrayList<>();
                for (int t = 0; t < 16; t++) {
                    boolean exact = t % 2 == 0;
                    int r = round;
                    writes.add(pool.submit(() -> {
                        List<Vector> batch = List.of(v("r" + r + "-a", "x"), v("r" + r + "-b", "x"), v("r" + r + "-c", "x"));
                        start.await();
                        return exact ? index.upsert(c, batch, change -> { }) : index.upsert(c, batch);
                    }));
                }
                long added = 0;
                for (Future<UsageChange> write : writes) {
                    added += write.get(60, TimeUnit.SECONDS).vectors();
                }
                assertThat(added).as("round %d", round).isEqualTo(3);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(index.stats(c).vectorCount()).isEqualTo(15);
    }

    @Test
    void storedBytesSurviveACrashAndAReopen() throws Exception {
        Collection c = collection("c", 2);
        index.create(c);
        index.upsert(c, List.of(v("a", "x"), v("b", "yy")));
        index.delete(c, List.of(new VectorId("a")));
        long expected = v("b", "yy").storedBytes();
        IndexTestSeam.crash(index);
        index = new LuceneVectorIndex(new DataDirectory(dir), 4, Duration.ofHours(1), Duration.ZERO);
        assertThat(index.stats(c).storedBytes()).as("replayed from the translog").isEqualTo(expected);
        index.close();
        index = new LuceneVectorIndex(new DataDirectory(dir), 4, Duration.ofHours(1), Duration.ZERO);
        assertThat(index.stats(c).storedBytes()).as("from the commit").isEqualTo(expected);
        assertThat(index.openCount()).as("read from the commit, left closed").isZero();
    }
}
