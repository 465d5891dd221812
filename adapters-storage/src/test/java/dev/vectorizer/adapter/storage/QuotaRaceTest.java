package dev.vectorizer.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.adapter.storage.index.LuceneVectorIndex;
import dev.vectorizer.adapter.storage.metadata.AuditEvents;
import dev.vectorizer.adapter.storage.metadata.JpaAuditLog;
import dev.vectorizer.adapter.storage.metadata.JpaBackupCatalog;
import dev.vectorizer.adapter.storage.metadata.JpaCollectionCatalog;
import dev.vectorizer.adapter.storage.metadata.JpaTenantDirectory;
import dev.vectorizer.adapter.storage.metadata.MetadataStore;
import dev.vectorizer.adapter.storage.usage.JpaUsageOutbox;
import dev.vectorizer.application.port.out.RateCountersPort;
import dev.vectorizer.application.service.CollectionService;
import dev.vectorizer.application.service.UsageService;
import dev.vectorizer.application.service.VectorService;
import dev.vectorizer.application.usage.OperationLog;
import dev.vectorizer.application.usage.QuotaLedger;
import dev.vectorizer.application.usage.RateLimiter;
import dev.vectorizer.application.usage.RequestCounter;
import dev.vectorizer.application.usage.TenantLimits;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.application.port.out.MetricsPort;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.LimitUse;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.quota.QuotaExceededException;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Principal;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sixteen writers racing at each capacity limit, against the real catalog, tenant directory and
 * outbox (JPA on H2) and the real Lucene index: never one collection, vector or byte over the limit,
 * round after round; ids that race are counted new exactly once; deletes give capacity back; and
 * what the ledger counts is what the indexes hold, also when counted afresh after a restart.
 */
class QuotaRaceTest {

    private static final int WRITERS = 16;
    private static final TenantId ACME = new TenantId("acme");
    private static final Caller.OfTenant CALLER = new Caller.OfTenant(ACME, new Principal.TokenSubject("racer"), Set.of(Permission.ADMIN), false);

    @TempDir
    Path dir;

    private MetadataStore store;
    private LuceneVectorIndex lucene;
    private JpaTenantDirectory directory;
    private CollectionService collections;
    private VectorService vectors;
    private UsageService usage;
    private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS);

    @BeforeEach
    void start() {
        DataDirectory data = new DataDirectory(dir).ensureExists();
        store = new MetadataStore(data);
        store.open();
        lucene = new LuceneVectorIndex(data, 64, Duration.ofMillis(500), Duration.ZERO);
        directory = new JpaTenantDirectory(store);
        if (directory.findTenant(ACME).isEmpty()) {
            AuditEvents.addTenant(directory, new Tenant(ACME, "Acme", TenantStatus.ACTIVE, Instant.now()));
        }
        JpaCollectionCatalog catalog = new JpaCollectionCatalog(store);
        TenantLimits limits = Wiring.limits(directory);
        QuotaLedger ledger = Wiring.ledger(catalog, lucene, limits);
        OperationLog operations = Wiring.operations(store);
        collections = new CollectionService(catalog, lucene, Wiring.NO_MODEL, new JpaAuditLog(store), ledger, operations);
        vectors = new VectorService(catalog, lucene, Wiring.NO_MODEL, ledger, operations);
        usage = new UsageService(ledger, new RateLimiter(new NoCounters(), limits, MetricsPort.NONE), new RequestCounter(new JpaUsageOutbox(store)),
                new JpaBackupCatalog(store));
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        lucene.close();
        store.close();
    }

    private void restart() {
        lucene.close();
        store.close();
        start();
    }

    private void plan(Limit limit, long value) {
        directory.updateTenant(directory.findTenant(ACME).orElseThrow().withQuota(new Quota(Map.of(limit, value))));
    }

    private long used(Limit limit) {
        return usage.quota(CALLER).stream().filter(u -> u.limit() == limit).mapToLong(LimitUse::used).findFirst().orElseThrow();
    }

    private static CollectionSpec spec() {
        return new CollectionSpec(4, Metric.COSINE, HnswSettings.DEFAULT, Quantization.NONE, Optional.empty());
    }

    private static Vector v(String id) {
        return new Vector(new VectorId(id), new float[] {1, 0, 0, 0}, Payload.EMPTY);
    }

    /** Runs {@code writer(n)} on every writer at once; returns how many writes each admitted. */
    private List<Integer> race(WriterBody writer) throws Exception {
        CyclicBarrier start = new CyclicBarrier(WRITERS);
        List<Future<Integer>> writers = new ArrayList<>();
        for (int n = 0; n < WRITERS; n++) {
            int number = n;
            writers.add(pool.submit((Callable<Integer>) () -> {
                start.await();
                return writer.run(number);
            }));
        }
        List<Integer> admitted = new ArrayList<>();
        for (Future<Integer> w : writers) {
            admitted.add(w.get(120, TimeUnit.SECONDS));
        }
        return admitted;
    }

    private interface WriterBody {
        int run(int writer) throws Exception;
    }

    private static int admittedOrRefused(Runnable write) {
        try {
            write.run();
            return 1;
        } catch (QuotaExceededException refused) {
            return 0;
        }
    }

    @Test
    void sixteenCreatesAtTheCollectionLimitAdmitExactlyTheRoomLeft() throws Exception {
        plan(Limit.MAX_COLLECTIONS, 5);
        for (int round = 0; round < 4; round++) {
            int r = round;
            List<Integer> admitted = race(n -> admittedOrRefused(() -> collections.create(CALLER, new CollectionName("r" + r + "-" + n), spec())));
            assertThat(admitted.stream().mapToInt(Integer::intValue).sum()).as("round %d", round).isEqualTo(5);
            assertThat(collections.list(CALLER)).hasSize(5);
            for (var info : collections.list(CALLER)) {
                collections.delete(CALLER, info.collection().ref().name());
            }
            assertThat(used(Limit.MAX_COLLECTIONS)).isZero();
        }
    }

    @Test
    void sixteenWritersOfOverlappingIdsNeverGoOneVectorOverTheLimit() throws Exception {
        CollectionName docs = new CollectionName("docs");
        collections.create(CALLER, docs, spec());
        long limit = 60;
        plan(Limit.MAX_VECTORS, limit);
        for (int round = 0; round < 3; round++) {
            int r = round;
            vectors.upsert(CALLER, docs, List.of(v("seed-" + r)));
            race(n -> {
                Random random = new Random(31L * r + n);
                int admitted = 0;
                for (int i = 0; i < 10; i++) {
                    List<Vector> batch = new ArrayList<>();
                    for (String id : random.ints(1 + random.nextInt(4), 0, 100).mapToObj(k -> "r" + r + "-" + k).distinct().toList()) {
                        batch.add(v(id));
                    }
                    admitted += admittedOrRefused(() -> vectors.upsert(CALLER, docs, batch));
                }
                return admitted;
            });
            long held = collections.get(CALLER, docs).stats().vectorCount();
            assertThat(held).as("round %d", round).isLessThanOrEqualTo(limit).isGreaterThan(limit - 4);
            assertThat(used(Limit.MAX_VECTORS)).as("the ledger counts what the index holds").isEqualTo(held);
            vectors.delete(CALLER, docs, IntStream.range(0, 100).mapToObj(k -> new VectorId("r" + r + "-" + k)).toList());
            assertThat(used(Limit.MAX_VECTORS)).as("deletes give capacity back").isEqualTo(collections.get(CALLER, docs).stats().vectorCount());
        }
        long held = collections.get(CALLER, docs).stats().vectorCount();
        restart();
        assertThat(used(Limit.MAX_VECTORS)).as("counted afresh from the index").isEqualTo(held).isEqualTo(3);
    }

    @Test
    void sixteenWritersAtTheStorageLimitAdmitExactlyWhatFits() throws Exception {
        CollectionName docs = new CollectionName("docs");
        collections.create(CALLER, docs, spec());
        long one = v("w00-00").storedBytes();
        plan(Limit.MAX_STORAGE_BYTES, 7 * one);
        for (int round = 0; round < 3; round++) {
            int r = round;
            List<Integer> admitted = race(n -> admittedOrRefused(() -> vectors.upsert(CALLER, docs, List.of(v(String.format("w%02d-%02d", r, n))))));
            assertThat(admitted.stream().mapToInt(Integer::intValue).sum()).as("round %d", round).isEqualTo(7);
            assertThat(collections.get(CALLER, docs).stats().storedBytes()).isEqualTo(7 * one);
            assertThat(used(Limit.MAX_STORAGE_BYTES)).isEqualTo(7 * one);
            collections.delete(CALLER, docs);
            collections.create(CALLER, docs, spec());
        }
    }

    /** Rates are not raced here: every window reads empty. */
    private static final class NoCounters implements RateCountersPort {
        @Override
        public Acquisition tryAcquire(List<Window> windows) {
            return new Acquisition(true, windows.stream().map(w -> 1L).toList());
        }

        @Override
        public List<Long> peek(List<Window> windows) {
            return windows.stream().map(w -> 0L).toList();
        }
    }
}
