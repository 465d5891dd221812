package dev.vectorizer.adapter.storage.index;

import static dev.vectorizer.adapter.storage.index.Fixtures.collection;
import static dev.vectorizer.adapter.storage.index.Fixtures.ids;
import static dev.vectorizer.adapter.storage.index.Fixtures.scrollAll;
import static dev.vectorizer.adapter.storage.index.Fixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.search.VectorQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Where a tenant's collections are on disk: one created now directly in the tenant's directory
 * ({@code tenants/{tenant}/{name}.{incarnation}/}); those an earlier version laid out in the tenant's
 * {@code collections/} directory (flat, split into {@code index/} and {@code translog/}, or the legacy
 * {@code {name}/}) open, write, recover and are removed where they are, leaving no directory behind.
 */
class TenantDirectoryLayoutTest extends IndexInTempDir {

    private Path tenant(String id) {
        return dir.resolve("tenants").resolve(id);
    }

    private Path earlier(Collection c) {
        return tenant(c.ref().tenant().value()).resolve("collections").resolve(c.ref().name().value()
                + (c.incarnation().isLegacy() ? "" : "." + c.incarnation()));
    }

    private static List<Vector> batch(String prefix, int seed) {
        Random random = new Random(seed);
        List<Vector> vectors = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            vectors.add(vector(prefix + i, Fixtures.random(random, 8), new Payload(Map.of("n", (long) i))));
        }
        return vectors;
    }

    private static List<String> entries(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Creates {@code c} with {@code vectors} and closes the index (the index is open again after). */
    private void createWith(Collection c, List<Vector> vectors) {
        open(Duration.ofHours(1));
        index.create(c);
        index.upsert(c, vectors);
        index.close();
    }

    /**
     * Lays out {@code c} as the version before did: the flat collection it wrote at
     * {@code collections/{name}.{incarnation}/} (the same files as now, one level down).
     */
    private void layOutFlatTheEarlierWay(Collection c, List<Vector> vectors) throws IOException {
        createWith(c, vectors);
        Path now = IndexTestSeam.paths(dir, c).root();
        Files.createDirectories(earlier(c).getParent());
        Files.move(now, earlier(c));
    }

    /** Lays out {@code c} as the versions before the flat layout did: {@code index/} and {@code translog/} apart. */
    private void layOutSplitTheEarlierWay(Collection c, List<Vector> vectors) throws IOException {
        Files.createDirectories(earlier(c).resolve("translog"));
        createWith(c, vectors);
    }

    @Test
    void aCollectionCreatedNowLivesDirectlyInItsTenantsDirectory() throws IOException {
        Collection c = collection("docs", 8);
        createWith(c, batch("v", 1));

        assertThat(entries(tenant("t1"))).containsExactly("docs." + c.incarnation());
        assertThat(tenant("t1").resolve("docs." + c.incarnation())).isDirectoryContaining("glob:**/segments_*")
                .isDirectoryContaining("glob:**/translog-*.tlog");
        open(Duration.ofHours(1));
        assertThat(ids(scrollAll(index, c, Optional.empty(), 100))).containsExactlyElementsOf(ids(batch("v", 1)));
    }

    @Test
    void collectionsLaidOutTheEarlierWayOpenWriteRecoverAndDropWithoutLeavingADirectory() throws IOException {
        Collection flat = collection("flat", 8);
        Collection split = collection("split", 8);
        Collection legacy = new Collection(collection("legacy", 8).ref(), flat.spec(), flat.createdAt(), Incarnation.LEGACY);
        Collection created = collection("created", 8);
        Map<Collection, List<Vector>> written = Map.of(flat, batch("f", 2), split, batch("s", 3), legacy, batch("l", 4));
        layOutFlatTheEarlierWay(flat, written.get(flat));
        layOutSplitTheEarlierWay(split, written.get(split));
        createWith(legacy, written.get(legacy));
        createWith(created, batch("c", 5));
        assertThat(entries(tenant("t1").resolve("collections")))
                .containsExactly("flat." + flat.incarnation(), "legacy", "split." + split.incarnation());
        assertThat(entries(earlier(split))).containsExactly("index", "translog");

        open(Duration.ofHours(1));
        written.keySet().forEach(c -> index.upsert(c, batch("late-", 6)));
        IndexTestSeam.crash(index); // the late batches live only in each translog, where the layout put it

        open(Duration.ofHours(1));
        for (Map.Entry<Collection, List<Vector>> e : written.entrySet()) {
            List<Vector> all = new ArrayList<>(e.getValue());
            all.addAll(batch("late-", 6));
            Collection c = e.getKey();
            assertThat(ids(scrollAll(index, c, Optional.empty(), 100))).as(c.ref().name().value()).containsExactlyInAnyOrderElementsOf(ids(all));
            assertThat(index.search(c, new VectorQuery(all.getFirst().values(), 1, 10, Optional.empty(), false, false)).getFirst().id())
                    .isEqualTo(all.getFirst().id());
        }
        assertThat(entries(tenant("t1"))).as("nothing moved or copied").containsExactly("collections", "created." + created.incarnation());

        index.drop(flat);
        index.drop(split);
        assertThat(entries(tenant("t1").resolve("collections"))).containsExactly("legacy");
        index.drop(legacy);
        assertThat(entries(tenant("t1"))).as("the emptied collections/ went with its last collection")
                .containsExactly("created." + created.incarnation());
    }

    @Test
    void aTenantWithCollectionsInBothLayoutsIsRemovedWhole() throws IOException {
        Collection before = collection("before", 8);
        Collection now = collection("now", 8);
        layOutFlatTheEarlierWay(before, batch("b", 7));
        createWith(now, batch("n", 8));
        open(Duration.ofHours(1));
        assertThat(index.stats(before).vectorCount()).isEqualTo(5);

        index.drop(before);
        index.drop(now);
        index.dropTenant(before.ref().tenant());
        assertThat(tenant("t1")).doesNotExist();
    }

    @Test
    void aCollectionLaidOutTheEarlierWayMovesToTheNewLayoutOfItsNewTenant() throws IOException {
        Collection from = collection("default", "docs", 8, Metric.COSINE, Quantization.NONE);
        layOutFlatTheEarlierWay(from, batch("d", 9));
        Collection to = new Collection(collection("acme", "docs", 8, Metric.COSINE, Quantization.NONE).ref(), from.spec(),
                from.createdAt(), from.incarnation());

        open(Duration.ofHours(1));
        index.move(from, to);
        assertThat(entries(tenant("acme"))).containsExactly("docs." + to.incarnation());
        assertThat(entries(tenant("default"))).as("no empty collections/ left behind").isEmpty();
        assertThat(ids(scrollAll(index, to, Optional.empty(), 100))).containsExactlyElementsOf(ids(batch("d", 9)));
    }
}
