package dev.vectorizer.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.application.port.out.RateCountersPort.Acquisition;
import dev.vectorizer.application.port.out.RateCountersPort.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InMemoryRateCountersTest {

    private static final Instant MINUTE = Instant.parse("2026-11-29T10:15:00Z");
    private static final Instant HOUR = Instant.parse("2026-11-29T10:00:00Z");

    private final InMemoryRateCounters counters = new InMemoryRateCounters();

    private static List<Window> windows(String key, Instant minute, long perMinute, long perHour) {
        return List.of(new Window(key + ":m", minute, minute.plus(Duration.ofMinutes(1)), perMinute),
                new Window(key + ":h", HOUR, HOUR.plus(Duration.ofHours(1)), perHour));
    }

    @Test
    void aRequestCountsInEveryWindowOnlyIfAllHaveRoom() {
        assertThat(counters.tryAcquire(windows("a", MINUTE, 2, 3))).isEqualTo(new Acquisition(true, List.of(1L, 1L)));
        assertThat(counters.tryAcquire(windows("a", MINUTE, 2, 3))).isEqualTo(new Acquisition(true, List.of(2L, 2L)));
        assertThat(counters.tryAcquire(windows("a", MINUTE, 2, 3))).as("the minute is full: nothing counts")
                .isEqualTo(new Acquisition(false, List.of(2L, 2L)));
        Instant next = MINUTE.plus(Duration.ofMinutes(1));
        assertThat(counters.tryAcquire(windows("a", next, 2, 3))).isEqualTo(new Acquisition(true, List.of(1L, 3L)));
        assertThat(counters.tryAcquire(windows("a", next, 2, 3)).admitted()).as("now the hour is full").isFalse();
        assertThat(counters.peek(windows("a", next, 2, 3))).containsExactly(1L, 3L);
        assertThat(counters.peek(windows("b", next, 2, 3))).containsExactly(0L, 0L);
    }

    @Test
    void concurrentRequestsNeverCountOverTheLimit() throws Exception {
        List<CompletableFuture<Long>> clients = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            clients.add(CompletableFuture.supplyAsync(() -> {
                long admitted = 0;
                for (int i = 0; i < 500; i++) {
                    admitted += counters.tryAcquire(windows("a", MINUTE, 1_000, 1_500)).admitted() ? 1 : 0;
                }
                return admitted;
            }));
        }
        long admitted = 0;
        for (CompletableFuture<Long> client : clients) {
            admitted += client.get();
        }
        assertThat(admitted).isEqualTo(1_000);
    }

    @Test
    void endedWindowsAreSweptOut() {
        for (int i = 0; i < 100; i++) {
            counters.tryAcquire(windows("t" + i, MINUTE, 10, 10));
        }
        Instant muchLater = HOUR.plus(Duration.ofHours(2));
        for (int i = 0; i < InMemoryRateCounters.SWEEP_EVERY; i++) {
            counters.tryAcquire(List.of(new Window("busy", muchLater, muchLater.plusSeconds(60), Long.MAX_VALUE)));
        }
        assertThat(counters.size()).isEqualTo(1);
    }
}
