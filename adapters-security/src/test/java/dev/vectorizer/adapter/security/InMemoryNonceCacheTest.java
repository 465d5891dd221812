package dev.vectorizer.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.UnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class InMemoryNonceCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");
    private static final Duration WINDOW = Duration.ofSeconds(600);

    @Test
    void aNonceIsUsableOnceWithinItsWindowAndAgainAfterIt() {
        InMemoryNonceCache cache = new InMemoryNonceCache();
        assertThat(cache.firstUse("n-1", NOW, NOW.plus(WINDOW))).isTrue();
        assertThat(cache.firstUse("n-1", NOW.plusSeconds(599), NOW.plusSeconds(599).plus(WINDOW))).isFalse();
        assertThat(cache.firstUse("n-2", NOW, NOW.plus(WINDOW))).isTrue();
        assertThat(cache.firstUse("n-1", NOW.plusSeconds(600), NOW.plusSeconds(600).plus(WINDOW))).isTrue();
    }

    @Test
    void fullOfLiveNoncesItRefusesRatherThanForgetOneAndDropsExpiredOnesFirst() {
        InMemoryNonceCache cache = new InMemoryNonceCache(2);
        cache.firstUse("a", NOW, NOW.plusSeconds(10));
        cache.firstUse("b", NOW, NOW.plusSeconds(20));

        assertThatThrownBy(() -> cache.firstUse("c", NOW.plusSeconds(5), NOW.plusSeconds(605))).isInstanceOfSatisfying(UnavailableException.class,
                e -> assertThat(e.retryAfterSeconds()).isEqualTo(5));
        assertThat(cache.firstUse("c", NOW.plusSeconds(10), NOW.plusSeconds(610))).as("'a' expired and made room").isTrue();
        assertThat(cache.firstUse("b", NOW.plusSeconds(11), NOW.plusSeconds(611))).as("'b' is still remembered").isFalse();
    }

    @Test
    void ofConcurrentUsesOfOneNonceExactlyOneIsFirst() throws Exception {
        InMemoryNonceCache cache = new InMemoryNonceCache();
        ConcurrentLinkedQueue<Boolean> outcomes = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 16; i++) {
                pool.submit(() -> {
                    start.await();
                    return outcomes.add(cache.firstUse("same", NOW, NOW.plus(WINDOW)));
                });
            }
            start.countDown();
        }
        assertThat(outcomes).hasSize(16).containsOnlyOnce(true);
    }
}
