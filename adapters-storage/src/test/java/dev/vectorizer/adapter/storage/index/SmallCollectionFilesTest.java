package dev.vectorizer.adapter.storage.index;

import static dev.vectorizer.adapter.storage.index.Fixtures.collection;
import static dev.vectorizer.adapter.storage.index.Fixtures.ids;
import static dev.vectorizer.adapter.storage.index.Fixtures.scrollAll;
import static dev.vectorizer.adapter.storage.index.Fixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.search.VectorQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * What a small collection leaves on disk (tenant density: a file-system block per file): one
 * directory holding one commit of compound segments and the translog, and older collections whose
 * index and translog are in subdirectories still open, write and recover as before.
 */
class SmallCollectionFilesTest extends IndexInTempDir {

    private static List<Vector> batch(Random random, String prefix, int count) {
        List<Vector> vectors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            vectors.add(vector(prefix + i, Fixtures.random(random, 16), new Payload(Map.of("n", (long) i, "tag", "small"))));
        }
        return vectors;
    }

    private Path root(Collection c) {
        return IndexTestSeam.paths(dir, c).root();
    }

    /** The names of the non-empty files in {@code directory} (a file of no bytes takes no block). */
    private static List<String> nonEmptyFiles(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> {
                try {
                    return Files.isDirectory(p) || Files.size(p) > 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(p -> p.getFileName().toString() + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
        }
    }

    @Test
    void aSmallCollectionIsFourFilesInItsOwnDirectory() throws IOException {
        open(Duration.ofHours(1));
        Collection c = collection("four", 16);
        index.create(c);
        List<Vector> vectors = batch(new Random(2), "v", 5);
        index.upsert(c, vectors);
        index.close(); // commits

        // segments_N, and the segment's info, compound entries and compound data; no subdirectory
        assertThat(nonEmptyFiles(root(c))).hasSize(4).allMatch(f -> f.startsWith("segments_") || f.matches("_[0-9a-z]+\\.(si|cfe|cfs)"));
        try (Stream<Path> all = Files.list(root(c))) {
            assertThat(all.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".tlog"))).as("the translog, beside the index")
                    .isNotEmpty();
        }
        open(Duration.ofHours(1));
        assertThat(ids(scrollAll(index, c, Optional.empty(), 100))).containsExactlyElementsOf(ids(vectors));
        assertThat(index.search(c, new VectorQuery(vectors.get(2).values(), 1, 10, Optional.empty(), false, false)).getFirst().id())
                .isEqualTo(vectors.get(2).id());
    }

    @Test
    void aSmallCollectionMergedToOneSegmentStaysCompound() throws Exception {
        open(Duration.ofMillis(20));
        Collection c = collection("merged", 16);
        index.create(c);
        Random random = new Random(3);
        List<Vector> all = new ArrayList<>();
        for (int b = 0; b < 4; b++) {
            List<Vector> vectors = batch(random, "b" + b + "-", 5);
            index.upsert(c, vectors);
            all.addAll(vectors);
        }
        assertThat(IndexTestSeam.segmentsOnceMerged(index, c)).isEqualTo(1);
        index.close();

        assertThat(nonEmptyFiles(root(c))).hasSize(4).allMatch(f -> f.startsWith("segments_") || f.matches("_[0-9a-z]+\\.(si|cfe|cfs)"));
        open(Duration.ofHours(1));
        assertThat(ids(scrollAll(index, c, Optional.empty(), 100))).containsExactlyInAnyOrderElementsOf(ids(all));
    }

    @Test
    void aCollectionWithItsIndexAndTranslogInSubdirectoriesKeepsThemThere() throws IOException {
        Collection c = collection("older", 16);
        Files.createDirectories(root(c).resolve("translog")); // how collections were laid out before
        open(Duration.ofHours(1));
        index.create(c);
        List<Vector> committed = batch(new Random(4), "c", 5);
        index.upsert(c, committed);
        index.close();
        open(Duration.ofHours(1));
        List<Vector> logged = batch(new Random(5), "l", 5);
        index.upsert(c, logged);
        IndexTestSeam.crash(index); // the second batch lives only in translog/

        assertThat(nonEmptyFiles(root(c))).containsExactly("index/", "translog/");
        open(Duration.ofHours(1));
        List<Vector> all = new ArrayList<>(committed);
        all.addAll(logged);
        assertThat(ids(scrollAll(index, c, Optional.empty(), 100))).containsExactlyInAnyOrderElementsOf(ids(all));
        try (Stream<Path> files = Files.list(root(c).resolve("index"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(f -> f.startsWith("segments_")).noneMatch(f -> f.endsWith(".tlog"));
        }
        index.drop(c);
        assertThat(root(c)).doesNotExist();
    }

    @Test
    void aCollectionCrashedBeforeItsFirstCommitRecoversFromTheTranslogBesideIt() throws IOException {
        open(Duration.ofHours(1));
        Collection c = collection("crashed", 16);
        index.create(c);
        List<Vector> vectors = batch(new Random(6), "v", 5);
        index.upsert(c, vectors);
        IndexTestSeam.crash(index);

        open(Duration.ofHours(1));
        assertThat(ids(scrollAll(index, c, Optional.empty(), 100))).containsExactlyElementsOf(ids(vectors));
        assertThat(root(c).resolve("index")).doesNotExist();
    }
}
