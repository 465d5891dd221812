package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.domain.Collection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** What the index tests need beyond the port: simulate a crash, see which collections are open. */
final class IndexTestSeam {

    private IndexTestSeam() {
    }

    /** Abandons every open index without committing, as a process crash would. */
    static void crash(LuceneVectorIndex index) throws IOException {
        index.stopMaintenance();
        index.openIndexes().abandonAll();
    }

    /** The storage keys of the open collections. */
    static List<String> openCollections(LuceneVectorIndex index) {
        OpenIndexes open = index.openIndexes();
        return open.openKeys().stream().map(open::peek).filter(Objects::nonNull).map(i -> i.collection().ref().storageKey()).toList();
    }

    /** How many segments searches of the (open) collection go through. */
    static int segments(LuceneVectorIndex index, Collection collection) throws IOException {
        return index.openIndexes().peek(OpenIndexes.key(collection)).segmentCount();
    }

    /** The collection's segment count once its background merge has made it one, or after 60 s. */
    static int segmentsOnceMerged(LuceneVectorIndex index, Collection collection) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (segments(index, collection) > 1 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return segments(index, collection);
    }

    /** Where the collection's files are. */
    static CollectionPaths paths(Path dataDirectory, Collection collection) {
        return CollectionPaths.of(new DataDirectory(dataDirectory), collection);
    }
}
