package dev.vectorizer.adapter.storage.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.TenantId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpaCollectionCatalogTest {

    @TempDir
    Path dir;

    private MetadataStore store;
    private JpaCollectionCatalog catalog;

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");

    @BeforeEach
    void open() {
        store = new MetadataStore(new DataDirectory(dir).ensureExists());
        store.open();
        catalog = new JpaCollectionCatalog(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Collection collection(TenantId tenant, String name) {
        return new Collection(new CollectionRef(tenant, new CollectionName(name)),
                new CollectionSpec(384, Metric.DOT_PRODUCT, new HnswSettings(32, 100), Quantization.INT8, Optional.of("all-minilm-l6-v2")),
                Instant.parse("2026-11-29T06:00:00.123Z"), Incarnation.random());
    }

    @Test
    void keepsEverySettingAcrossAReopen() {
        Collection docs = collection(ACME, "docs");
        catalog.add(docs);
        store.close();
        open();

        assertThat(catalog.find(docs.ref())).contains(docs);
    }

    @Test
    void theSameNameIsTakenOncePerTenant() {
        catalog.add(collection(ACME, "docs"));

        assertThatThrownBy(() -> catalog.add(collection(ACME, "docs"))).isInstanceOf(ConflictException.class);
        catalog.add(collection(GLOBEX, "docs"));
    }

    @Test
    void listsOnlyTheTenantsOwnCollectionsByName() {
        catalog.add(collection(ACME, "zeta"));
        catalog.add(collection(ACME, "alpha"));
        catalog.add(collection(GLOBEX, "beta"));

        assertThat(catalog.list(ACME)).extracting(c -> c.ref().name().value()).containsExactly("alpha", "zeta");
        assertThat(catalog.list(new TenantId("nobody"))).isEmpty();
    }

    @Test
    void removesOnlyWhatExists() {
        Collection docs = collection(ACME, "docs");
        catalog.add(docs);

        assertThat(catalog.remove(docs.movedTo(new CollectionRef(GLOBEX, docs.ref().name())))).isFalse();
        assertThat(catalog.remove(docs)).isTrue();
        assertThat(catalog.find(docs.ref())).isEmpty();
        assertThat(catalog.remove(docs)).isFalse();
    }

    @Test
    void removesOnlyTheIncarnationItWasGiven() {
        Collection older = collection(ACME, "docs");
        catalog.add(older);
        catalog.remove(older);
        Collection newer = collection(ACME, "docs");
        catalog.add(newer);

        assertThat(catalog.remove(older)).isFalse();
        assertThat(catalog.find(newer.ref())).contains(newer);
    }

    @Test
    void aRowFromBeforeIncarnationsReadsAsTheLegacyOne() {
        Collection docs = collection(ACME, "docs");
        catalog.add(docs);
        store.inTransaction(em -> em.createNativeQuery("UPDATE collections SET incarnation = NULL").executeUpdate());
        store.close();
        open();

        Collection legacy = catalog.find(docs.ref()).orElseThrow();
        assertThat(legacy.incarnation()).isEqualTo(Incarnation.LEGACY);
        assertThat(catalog.remove(docs)).isFalse();
        assertThat(catalog.remove(legacy)).isTrue();
    }

    @Test
    void concurrentCreatesAndDeletesOfOneNameAreAddedOnceOrRefusedAsAConflict() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 25; round++) {
                CyclicBarrier start = new CyclicBarrier(8);
                List<Future<Collection>> adds = new ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    adds.add(pool.submit(() -> {
                        Collection mine = collection(ACME, "race");
                        start.await();
                        try {
                            catalog.add(mine);
                            return mine;
                        } catch (ConflictException taken) {
                            return null;
                        }
                    }));
                }
                List<Future<Boolean>> removes = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    removes.add(pool.submit(() -> {
                        start.await();
                        return catalog.find(new CollectionRef(ACME, new CollectionName("race"))).map(catalog::remove).orElse(false);
                    }));
                }
                List<Collection> added = new ArrayList<>();
                for (Future<Collection> add : adds) {
                    Collection c = add.get(); // anything but a conflict fails the test here
                    if (c != null) {
                        added.add(c);
                    }
                }
                long removed = 0;
                for (Future<Boolean> remove : removes) {
                    removed += remove.get() ? 1 : 0;
                }
                assertThat(added).isNotEmpty();
                assertThat(removed).isLessThanOrEqualTo(added.size());
                Optional<Collection> left = catalog.find(new CollectionRef(ACME, new CollectionName("race")));
                assertThat(added.size() - removed).isEqualTo(left.isPresent() ? 1 : 0);
                left.ifPresent(c -> assertThat(added).contains(c));
                left.ifPresent(catalog::remove);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
