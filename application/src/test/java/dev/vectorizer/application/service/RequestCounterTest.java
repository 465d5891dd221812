package dev.vectorizer.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.application.port.out.RequestCountsPort;
import dev.vectorizer.application.usage.RequestCounter;
import dev.vectorizer.domain.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Request counts as a tenant sees them: every counted request, also while the counts are being written. */
class RequestCounterTest {

    private static final TenantId ACME = new TenantId("acme");

    @Test
    void noRequestGoesMissingFromTheCountWhileAFlushIsWritingIt() throws Exception {
        InMemoryUsage.Outbox durable = new InMemoryUsage.Outbox();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch committed = new CountDownLatch(1);
        RequestCountsPort slowDatabase = new RequestCountsPort() {
            @Override
            public void add(Map<TenantId, Map<LocalDate, Long>> counts, Instant countedSince) {
                writing.countDown();
                try {
                    committed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                durable.add(counts, countedSince);
            }

            @Override
            public long count(TenantId tenant, LocalDate from, LocalDate to) {
                return durable.count(tenant, from, to);
            }

            @Override
            public Map<TenantId, Long> busiest(LocalDate day, int limit) {
                return durable.busiest(day, limit);
            }
        };
        RequestCounter counter = new RequestCounter(slowDatabase, new MovableClock());
        counter.count(ACME);
        counter.count(ACME);
        Thread flush = Thread.ofPlatform().start(counter::flush);
        writing.await();

        AtomicLong seen = new AtomicLong(-1);
        Thread reader = Thread.ofPlatform().start(() -> seen.set(counter.requests(ACME).today()));
        while (reader.getState() != Thread.State.BLOCKED && reader.getState() != Thread.State.TERMINATED) {
            Thread.sleep(1);
        }
        committed.countDown();
        flush.join();
        reader.join();
        assertThat(seen.get()).isEqualTo(2);
        assertThat(counter.requests(ACME).today()).isEqualTo(2);
    }
}
