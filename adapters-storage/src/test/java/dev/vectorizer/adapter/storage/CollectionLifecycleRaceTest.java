package dev.vectorizer.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.adapter.storage.index.LuceneVectorIndex;
import dev.vectorizer.adapter.storage.metadata.JpaAuditLog;
import dev.vectorizer.adapter.storage.metadata.JpaCollectionCatalog;
import dev.vectorizer.adapter.storage.metadata.JpaTenantDirectory;
import dev.vectorizer.adapter.storage.metadata.MetadataStore;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.application.service.CollectionService;
import dev.vectorizer.application.service.VectorService;
import dev.vectorizer.application.usage.OperationLog;
import dev.vectorizer.application.usage.QuotaLedger;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Principal;
import dev.vectorizer.domain.tenant.Permission;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creating, deleting and writing one collection name from several threads, against the real JPA
 * catalog and the real Lucene index: nothing acknowledged is lost to a delete that resolved an older
 * incarnation, a request checked against an old incarnation is not found rather than a server error,
 * and concurrent creates give one success and conflicts. Where one ordering must be forced, a call
 * of the index port is held at its entry until the other requests are done.
 */
class CollectionLifecycleRaceTest {

    private static final Caller.OfTenant ACME = new Caller.OfTenant(new TenantId("acme"), new Principal.TokenSubject("tester"), Set.of(Permission.ADMIN), false);
    private static final CollectionName DOCS = new CollectionName("docs");

    @TempDir
    Path dir;

    private MetadataStore store;
    private LuceneVectorIndex lucene;
    private CollectionService collections;
    private VectorService vectors;
    /** Where the index port holds a call ("drop" or "upsert") until {@link #release} counts down; null holds nothing. */
    private volatile String held;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @BeforeEach
    void start() {
        DataDirectory data = new DataDirectory(dir).ensureExists();
        store = new MetadataStore(data);
        store.open();
        lucene = new LuceneVectorIndex(data, 16, Duration.ofMillis(200), Duration.ZERO);
        VectorIndexPort index = holding(lucene);
        JpaCollectionCatalog catalog = new JpaCollectionCatalog(store);
        QuotaLedger ledger = Wiring.ledger(catalog, index, Wiring.limits(new JpaTenantDirectory(store)));
        OperationLog operations = Wiring.operations(store);
        collections = new CollectionService(catalog, index, Wiring.NO_MODEL, new JpaAuditLog(store), ledger, operations);
        vectors = new VectorService(catalog, index, Wiring.NO_MODEL, ledger, operations);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        lucene.close();
        store.close();
    }

    /** The real index, except that the first call of the method named {@link #held} waits for {@link #release}. */
    private VectorIndexPort holding(VectorIndexPort real) {
        return (VectorIndexPort) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {VectorIndexPort.class},
                (proxy, method, args) -> {
                    if (method.getName().equals(held)) {
                        held = null;
                        entered.countDown();
                        assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static CollectionSpec spec(int dimension) {
        return new CollectionSpec(dimension, Metric.COSINE, HnswSettings.DEFAULT, Quantization.INT8, Optional.empty());
    }

    private static Vector vector(String id, int dimension) {
        float[] values = new float[dimension];
        values[0] = 1;
        return new Vector(new VectorId(id), values, Payload.EMPTY);
    }

    private void restart() {
        lucene.close();
        store.close();
        start();
    }

    @Test
    void aDeleteThatResolvedTheOldCollectionNeverWipesTheRecreatedOne() throws Exception {
        collections.create(ACME, DOCS, spec(4));
        vectors.upsert(ACME, DOCS, List.of(vector("old", 4)));
        held = "drop";
        Future<?> delete = pool.submit(() -> collections.delete(ACME, DOCS));
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue(); // its catalog row is gone, its files not yet

        collections.create(ACME, DOCS, spec(4));
        vectors.upsert(ACME, DOCS, List.of(vector("acknowledged", 4)));
        release.countDown();
        delete.get(30, TimeUnit.SECONDS);

        assertThat(vectors.get(ACME, DOCS, new VectorId("acknowledged"))).isNotNull();
        assertThatThrownBy(() -> vectors.get(ACME, DOCS, new VectorId("old"))).isInstanceOf(NotFoundException.class);
        restart();
        assertThat(vectors.get(ACME, DOCS, new VectorId("acknowledged"))).isNotNull();
        try (Stream<Path> dirs = Files.list(dir.resolve("tenants/acme"))) {
            assertThat(dirs).as("only the new incarnation is on disk").hasSize(1);
        }
    }

    @Test
    void aWriteCheckedAgainstTheOldDimensionIsNotFoundWhenTheNameWasRecreated() throws Exception {
        collections.create(ACME, DOCS, spec(4));
        held = "upsert";
        Future<Integer> write = pool.submit(() -> vectors.upsert(ACME, DOCS, List.of(vector("late", 4))));
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue(); // checked against dimension 4

        collections.delete(ACME, DOCS);
        collections.create(ACME, DOCS, spec(8));
        release.countDown();

        assertThatThrownBy(() -> write.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(NotFoundException.class);
        assertThat(collections.get(ACME, DOCS).stats().vectorCount()).isZero();
        vectors.upsert(ACME, DOCS, List.of(vector("fits", 8)));
        assertThat(collections.get(ACME, DOCS).stats().vectorCount()).isEqualTo(1);
    }

    @Test
    void concurrentCreatesOfOneNameGiveOneCollectionAndConflicts() throws Exception {
        for (int round = 0; round < 5; round++) {
            CollectionName name = new CollectionName("race" + round);
            CyclicBarrier start = new CyclicBarrier(8);
            List<Future<Collection>> creates = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                creates.add(pool.submit(() -> {
                    start.await();
                    try {
                        return collections.create(ACME, name, spec(4));
                    } catch (ConflictException taken) {
                        return null;
                    }
                }));
            }
            int created = 0;
            for (Future<Collection> create : creates) {
                created += create.get(60, TimeUnit.SECONDS) == null ? 0 : 1; // anything but a conflict fails here
            }
            assertThat(created).isEqualTo(1);
            vectors.upsert(ACME, name, List.of(vector("a", 4)));
            assertThat(collections.get(ACME, name).stats().vectorCount()).isEqualTo(1);
        }
        try (Stream<Path> dirs = Files.list(dir.resolve("tenants/acme"))) {
            assertThat(dirs).as("the losers left no files").hasSize(5);
        }
    }

    @Test
    void clientsCreatingDeletingAndWritingOneNameGetOnlySuccessNotFoundOrConflict() throws Exception {
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            Random random = new Random(t);
            int client = t;
            clients.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 30; i++) {
                    try {
                        switch (random.nextInt(4)) {
                            case 0 -> collections.create(ACME, DOCS, spec(4));
                            case 1 -> collections.delete(ACME, DOCS);
                            case 2 -> collections.list(ACME);
                            default -> vectors.upsert(ACME, DOCS, List.of(vector("c" + client + "-" + i, 4)));
                        }
                    } catch (NotFoundException | ConflictException expected) {
                        // someone else's create or delete came first
                    }
                }
            }, pool));
        }
        for (CompletableFuture<Void> client : clients) {
            client.get(120, TimeUnit.SECONDS);
        }
    }
}
