package dev.vectorizer.adapter.storage.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RecordCacheTest {

    /** A table that counts how often it is read. */
    private final Map<String, String> table = new HashMap<>();
    private final Map<String, Integer> reads = new HashMap<>();

    private Optional<String> find(RecordCache<String> cache, String key) {
        return cache.find(key, () -> {
            reads.merge(key, 1, Integer::sum);
            return Optional.ofNullable(table.get(key));
        });
    }

    @Test
    void keepsAtMostItsBoundOfRecordsDroppingTheLeastRecentlyUsed() {
        RecordCache<String> cache = new RecordCache<>(2);
        table.putAll(Map.of("a", "A", "b", "B", "c", "C"));
        find(cache, "a");
        find(cache, "b");
        find(cache, "a"); // a is now more recent than b
        find(cache, "c"); // drops b
        assertThat(cache.size()).isEqualTo(2);
        assertThat(find(cache, "a")).contains("A");
        assertThat(find(cache, "c")).contains("C");
        assertThat(reads).containsEntry("a", 1).containsEntry("c", 1);
        assertThat(find(cache, "b")).contains("B");
        assertThat(reads).as("b was dropped and read again").containsEntry("b", 2);
    }

    @Test
    void remembersAbsentRecordsApartSoTheyPushOutNoRecordInUse() {
        RecordCache<String> cache = new RecordCache<>(2);
        table.put("a", "A");
        find(cache, "a");
        for (String missing : new String[] {"x", "y", "z", "x"}) {
            assertThat(find(cache, missing)).isEmpty();
        }
        assertThat(reads).as("z pushed x out of the absent ones").containsEntry("x", 2).containsEntry("y", 1);
        assertThat(find(cache, "a")).contains("A");
        assertThat(reads).as("absences never pushed out a").containsEntry("a", 1);
        assertThat(find(cache, "z")).isEmpty();
        assertThat(reads).as("an absence is remembered").containsEntry("z", 1);
    }

    @Test
    void aRecordInUseStaysWhileManyOthersComeAndGo() {
        RecordCache<String> cache = new RecordCache<>(32);
        table.put("hot", "H");
        for (int i = 0; i < 200; i++) {
            table.put("k" + i, "K" + i);
            find(cache, "k" + i);
            assertThat(find(cache, "hot")).contains("H");
            assertThat(cache.size()).isLessThanOrEqualTo(32);
        }
        assertThat(reads).as("never dropped").containsEntry("hot", 1);
    }

    @Test
    void aChangeForgetsTheRecordAndItsAbsence() {
        RecordCache<String> cache = new RecordCache<>(10);
        assertThat(find(cache, "a")).isEmpty();
        cache.change("a", () -> table.put("a", "A"));
        assertThat(find(cache, "a")).as("created after it was found absent").contains("A");
        cache.change("a", () -> table.put("a", "A2"));
        assertThat(find(cache, "a")).contains("A2");
        cache.change(null, () -> table.remove("a"));
        assertThat(find(cache, "a")).isEmpty();
    }

    @Test
    void aLoadThatReadTheOldStateBeforeAChangeNeverLeavesItCached() throws InterruptedException {
        RecordCache<String> cache = new RecordCache<>(10);
        Map<String, String> rows = new ConcurrentHashMap<>(Map.of("a", "A"));
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        Thread loader = Thread.ofPlatform().start(() -> cache.find("a", () -> {
            Optional<String> before = Optional.ofNullable(rows.get("a"));
            read.countDown();
            awaitQuietly(resume); // holds the old state while the change runs as far as it can
            return before;
        }));
        read.await();
        Thread writer = Thread.ofPlatform().start(() -> cache.change("a", () -> rows.put("a", "A2")));
        // the change either overtakes the load (a broken cache) or waits for it to finish
        while (writer.getState() != Thread.State.TERMINATED && writer.getState() != Thread.State.WAITING
                && writer.getState() != Thread.State.BLOCKED) {
            Thread.onSpinWait();
        }
        resume.countDown();
        loader.join();
        writer.join();
        assertThat(cache.find("a", () -> Optional.ofNullable(rows.get("a")))).as("read after the change returned").contains("A2");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
