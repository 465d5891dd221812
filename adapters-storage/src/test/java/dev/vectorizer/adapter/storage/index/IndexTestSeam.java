package dev.vectorizer.adapter.storage.index;

import java.io.IOException;
import java.util.List;

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
        return index.openIndexes().openKeys();
    }
}
