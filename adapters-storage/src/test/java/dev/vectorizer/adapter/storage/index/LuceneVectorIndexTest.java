package dev.vectorizer.adapter.storage.index;

import static dev.vectorizer.adapter.storage.index.Fixtures.collection;
import static dev.vectorizer.adapter.storage.index.Fixtures.ids;
import static dev.vectorizer.adapter.storage.index.Fixtures.inParallel;
import static dev.vectorizer.adapter.storage.index.Fixtures.scrollAll;
import static dev.vectorizer.adapter.storage.index.Fixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.usage.UsageChange;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.Match;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.TextQuery;
import dev.vectorizer.domain.search.VectorQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneVectorIndexTest {

    @TempDir
    Path dir;

    LuceneVectorIndex index;

    @BeforeEach
    void open() {
        index = new LuceneVectorIndex(new DataDirectory(dir), 2, Duration.ofHours(1), Duration.ZERO);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void createsTheIndexInItsDirectoryInTheTenantsDirectory() {
        Collection c = collection("acme", "docs", 3, Metric.COSINE, Quantization.NONE);
        index.create(c);
        // the Lucene commit and the translog, side by side
        assertThat(dir.resolve("tenants/acme/docs." + c.incarnation())).isDirectoryContaining("glob:**/segments_*")
                .isDirectoryContaining("glob:**/translog-*.tlog");
    }

    @Test
    void upsertReplacesByIdAndGetReturnsValuesPayloadAndText() {
        Collection c = collection("c", 3);
        index.create(c);
        index.upsert(c, List.of(vector("a", new float[] {1, 2, 3}, new Payload(Map.of("k", "v1"))),
                vector("b", new float[] {0, 1, 0}, Payload.EMPTY)));
        index.upsert(c, List.of(new Vector(new VectorId("a"), new float[] {3, 2, 1},
                new Payload(Map.of("k", "v2", "n", 5L, "x", 1.5, "l", List.of(1L, "s", Map.of("z", true)))), Optional.of("hello world"))));

        Vector a = index.get(c, new VectorId("a")).orElseThrow();
        assertThat(a.values()).containsExactly(3, 2, 1);
        assertThat(a.payload().fields()).containsEntry("k", "v2").containsEntry("n", 5L).containsEntry("x", 1.5);
        assertThat(a.payload()).isEqualTo(new Payload(Map.of("k", "v2", "n", 5L, "x", 1.5, "l", List.of(1L, "s", Map.of("z", true)))));
        assertThat(a.text()).contains("hello world");
        assertThat(index.get(c, new VectorId("missing"))).isEmpty();
        assertThat(index.stats(c).vectorCount()).isEqualTo(2);
        assertThat(index.stats(c).sizeBytes()).isPositive();
    }

    @Test
    void deleteReturnsHowManyExisted() {
        Collection c = collection("c", 2);
        index.create(c);
        index.upsert(c, List.of(vector("a", new float[] {1, 0}, null), vector("b", new float[] {0, 1}, null),
                vector("c", new float[] {1, 1}, null)));
        assertThat(index.delete(c, List.of(new VectorId("a"), new VectorId("x"), new VectorId("a"), new VectorId("c"))).vectors()).isEqualTo(-2);
        assertThat(index.delete(c, List.of(new VectorId("a")))).isEqualTo(UsageChange.NONE);
        assertThat(ids(scrollAll(index, c, Optional.empty(), 10))).containsExactly("b");
        assertThat(index.stats(c).vectorCount()).isEqualTo(1);
    }

    @Test
    void scrollPaginatesThroughEverythingExactlyOnceInIdOrder() {
        Collection c = collection("c", 4);
        index.create(c);
        Random random = new Random(3);
        List<String> expected = new ArrayList<>();
        for (int batch = 0; batch < 5; batch++) {
            List<Vector> vectors = new ArrayList<>();
            for (int i = 0; i < 47; i++) {
                String id = String.format("id-%04d", random.nextInt(10_000));
                vectors.add(vector(id, Fixtures.random(random, 4), Payload.EMPTY));
                if (!expected.contains(id)) {
                    expected.add(id);
                }
            }
            index.upsert(c, vectors);
        }
        expected.sort(null);
        for (int pageSize : new int[] {1, 7, 50, 1000}) {
            assertThat(ids(scrollAll(index, c, Optional.empty(), pageSize))).containsExactlyElementsOf(expected);
        }
        assertThat(index.stats(c).vectorCount()).isEqualTo(expected.size());
    }

    @Test
    void dropDeletesTheDirectoryAndIsIdempotent() {
        Collection c = collection("c", 2);
        index.create(c);
        index.upsert(c, List.of(vector("a", new float[] {1, 0}, null)));
        index.drop(c);
        assertThat(IndexTestSeam.paths(dir, c).root()).doesNotExist();
        index.drop(c);
        assertThatThrownBy(() -> index.get(c, new VectorId("a"))).isInstanceOf(NotFoundException.class);
        index.create(c);
        assertThat(index.get(c, new VectorId("a"))).isEmpty();
    }

    @Test
    void eachIncarnationHasItsOwnDirectoryAndACollectionFromBeforeIncarnationsKeepsItsOwn() {
        Collection current = collection("c", 2);
        Collection legacy = new Collection(current.ref(), current.spec(), current.createdAt(), Incarnation.LEGACY);
        index.create(legacy);
        index.upsert(legacy, List.of(vector("old", new float[] {1, 0}, null)));
        index.create(current);
        index.upsert(current, List.of(vector("new", new float[] {0, 1}, null)));
        assertThat(dir.resolve("tenants/t1/collections/c")).isDirectoryContaining("glob:**/segments_*");
        assertThat(dir.resolve("tenants/t1/c." + current.incarnation())).isDirectoryContaining("glob:**/segments_*");

        index.drop(legacy);
        assertThat(dir.resolve("tenants/t1/collections")).doesNotExist();
        assertThatThrownBy(() -> index.get(legacy, new VectorId("old"))).isInstanceOf(NotFoundException.class);
        assertThat(index.get(current, new VectorId("new"))).isPresent();
        assertThat(index.get(current, new VectorId("old"))).isEmpty();
    }

    @Test
    void leastRecentlyUsedIndexesAreClosedAndReopenTransparently() {
        List<Collection> collections = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Collection c = collection("c" + i, 2);
            collections.add(c);
            index.create(c);
            index.upsert(c, List.of(vector("v" + i, new float[] {i, 1}, null)));
            assertThat(IndexTestSeam.openCollections(index).size()).isLessThanOrEqualTo(2);
        }
        assertThat(IndexTestSeam.openCollections(index)).containsExactlyInAnyOrder("t1:c2", "t1:c3");
        for (int i = 0; i < 4; i++) {
            assertThat(index.get(collections.get(i), new VectorId("v" + i))).isPresent();
        }
        assertThat(IndexTestSeam.openCollections(index)).containsExactlyInAnyOrder("t1:c2", "t1:c3");
    }

    @Test
    void scoresAreInTheMetricsNaturalUnits() {
        float[] q = {1, 2, 0};
        float[] v = {2, -1, 3};
        double dot = 1 * 2 + 2 * -1 + 0;
        double cos = dot / (Math.sqrt(5) * Math.sqrt(14));
        double d2 = 1 + 9 + 9;
        float[] w = {3, 4, 1};
        double dotW = 3 + 8;
        for (Quantization quantization : Quantization.values()) {
        for (Metric metric : Metric.values()) {
            Collection c = collection("t1", "m-" + metric.wireName().replace('_', '-') + "-" + quantization.wireName(), 3, metric, quantization);
            index.create(c);
            index.upsert(c, List.of(vector("v", v, null), vector("w", w, null)));
            List<ScoredPoint> hits = index.search(c, new VectorQuery(q, 2, 10, Optional.empty(), false, false));
            float scoreV = hits.stream().filter(h -> h.id().value().equals("v")).findFirst().orElseThrow().score();
            float scoreW = hits.stream().filter(h -> h.id().value().equals("w")).findFirst().orElseThrow().score();
            switch (metric) {
                case COSINE -> assertThat((double) scoreV).isCloseTo(cos, within(1e-5));
                case EUCLIDEAN -> assertThat((double) scoreV).isCloseTo(1 / (1 + d2), within(1e-6));
                case DOT_PRODUCT -> {
                    assertThat((double) scoreV).isCloseTo(dot, within(1e-5));
                    assertThat((double) scoreW).isCloseTo(dotW, within(1e-4));
                }
            }
            assertThat(hits.getFirst().id().value()).isEqualTo("w");
        }
        }
        // a negative dot product
        Collection neg = collection("t1", "neg", 2, Metric.DOT_PRODUCT, Quantization.NONE);
        index.create(neg);
        index.upsert(neg, List.of(vector("n", new float[] {-2, -3}, null)));
        assertThat((double) index.search(neg, new VectorQuery(new float[] {1, 1}, 1, 10, Optional.empty(), false, false))
                .getFirst().score()).isCloseTo(-5, within(1e-4));
    }

    @Test
    void idleIndexesAreClosedInTheBackgroundAndReopenOnUse() throws Exception {
        index.close();
        index = new LuceneVectorIndex(new DataDirectory(dir), 8, Duration.ofMillis(20), Duration.ofMillis(50));
        Collection c = collection("c", 2);
        index.create(c);
        index.upsert(c, List.of(vector("a", new float[] {1, 0}, null)));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!IndexTestSeam.openCollections(index).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(IndexTestSeam.openCollections(index)).isEmpty();
        assertThat(index.get(c, new VectorId("a"))).isPresent();
        assertThat(IndexTestSeam.openCollections(index)).containsExactly("t1:c");
    }

    @Test
    void vectorsOfUpTo4096DimensionsAreIndexedSearchedAndReadBackAfterAReopen() {
        for (Quantization quantization : Quantization.values()) {
            Collection c = collection("t1", "big-" + quantization.wireName(), CollectionSpec.MAX_DIMENSION, Metric.COSINE, quantization);
            index.create(c);
            float[] first = new float[CollectionSpec.MAX_DIMENSION];
            float[] second = new float[CollectionSpec.MAX_DIMENSION];
            for (int d = 0; d < first.length; d++) {
                first[d] = (d % 7) + 1;
                second[d] = (d % 5) + 1;
            }
            index.upsert(c, List.of(vector("first", first, Payload.EMPTY), vector("second", second, Payload.EMPTY)));
            index.close();
            open();

            assertThat(index.get(c, new VectorId("first")).orElseThrow().values()).containsExactly(first);
            assertThat(index.search(c, new VectorQuery(second, 1, 10, Optional.empty(), false, false)))
                    .extracting(h -> h.id().value()).as("%s", quantization).containsExactly("second");
        }
    }

    @Test
    void aBatchWithARepeatedIdKeepsTheLastOne() {
        Collection c = collection("c", 2);
        index.create(c);
        index.upsert(c, List.of(vector("a", new float[] {1, 0}, new Payload(Map.of("v", 1L))),
                vector("a", new float[] {0, 1}, new Payload(Map.of("v", 2L)))));
        assertThat(index.stats(c).vectorCount()).isEqualTo(1);
        assertThat(index.get(c, new VectorId("a")).orElseThrow().payload().fields()).containsEntry("v", 2L);
    }

    @Test
    void searchReturnsPayloadAndVectorWhenAskedAndRespectsTheFilter() {
        Collection c = collection("c", 2);
        index.create(c);
        index.upsert(c, List.of(vector("a", new float[] {1, 0}, new Payload(Map.of("color", "red"))),
                vector("b", new float[] {1, 0.1f}, new Payload(Map.of("color", "blue")))));
        Filter blue = new Filter(List.of(new Match("color", "blue")), null, null);
        List<ScoredPoint> hits = index.search(c, new VectorQuery(new float[] {1, 0}, 10, 100, Optional.of(blue), true, true));
        assertThat(hits).hasSize(1);
        assertThat(hits.getFirst().id().value()).isEqualTo("b");
        assertThat(hits.getFirst().payload().orElseThrow().fields()).containsEntry("color", "blue");
        assertThat(hits.getFirst().vector().orElseThrow()).containsExactly(1, 0.1f);
        List<ScoredPoint> bare = index.search(c, new VectorQuery(new float[] {1, 0}, 10, 100, Optional.empty(), false, false));
        assertThat(bare).extracting(h -> h.id().value()).containsExactly("a", "b");
        assertThat(bare.getFirst().payload()).isEmpty();
        assertThat(bare.getFirst().vector()).isEmpty();
    }

    @Test
    void textSearchIsBm25OverAnalysedTokensWithoutQuerySyntax() {
        Collection c = collection("c", 2);
        index.create(c);
        index.upsert(c, List.of(
                new Vector(new VectorId("a"), new float[] {1, 0}, new Payload(Map.of("lang", "en")), Optional.of("The quick brown fox")),
                new Vector(new VectorId("b"), new float[] {0, 1}, new Payload(Map.of("lang", "de")), Optional.of("Der schnelle braune Fuchs, fox")),
                new Vector(new VectorId("c"), new float[] {1, 1}, Payload.EMPTY, Optional.of("lazy dogs sleep")),
                vector("d", new float[] {1, 1}, Payload.EMPTY)));
        assertThat(index.searchText(c, new TextQuery("quick fox", 10, Optional.empty(), false, false)))
                .extracting(h -> h.id().value()).containsExactly("a", "b");
        assertThat(index.searchText(c, new TextQuery("FOX", 10, Optional.of(new Filter(List.of(new Match("lang", "de")), null, null)), true, false)))
                .extracting(h -> h.id().value()).containsExactly("b");
        assertThat(index.searchText(c, new TextQuery("fox AND NOT *:* \"(", 10, Optional.empty(), false, false)))
                .extracting(h -> h.id().value()).containsExactlyInAnyOrder("a", "b");
        assertThat(index.searchText(c, new TextQuery("!!!", 10, Optional.empty(), false, false))).isEmpty();
    }

    @Test
    void concurrentWritersAndReadersOnOneCollection() throws Exception {
        Collection c = collection("c", 8);
        index.create(c);
        inParallel(6, thread -> {
            Random random = new Random(thread < 4 ? thread : 99);
            if (thread < 4) {
                for (int b = 0; b < 25; b++) {
                    List<Vector> batch = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        batch.add(vector("t" + thread + "-" + b + "-" + i, Fixtures.random(random, 8), Payload.EMPTY));
                    }
                    index.upsert(c, batch);
                    // what a write returned is visible to the same thread at once
                    assertThat(index.get(c, new VectorId("t" + thread + "-" + b + "-9"))).isPresent();
                }
            } else {
                for (int i = 0; i < 100; i++) {
                    index.search(c, new VectorQuery(Fixtures.random(random, 8), 10, 50, Optional.empty(), false, false));
                }
            }
        });
        assertThat(index.stats(c).vectorCount()).isEqualTo(4 * 25 * 10);
        assertThat(IndexTestSeam.openCollections(index)).contains("t1:c");
        assertThat(Translog.generations(IndexTestSeam.paths(dir, c).translog())).hasSize(1);
    }
}
