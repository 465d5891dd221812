package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.adapter.storage.DataDirectory;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-up of a test of one {@link LuceneVectorIndex} on a temporary data directory: the test opens
 * it ({@link #open}, again after a close or a crash if it likes) and it is closed after each test.
 */
abstract class IndexInTempDir {

    @TempDir
    Path dir;

    LuceneVectorIndex index;

    /** Opens the index: at most 8 open collections, commits every {@code commitInterval}, no idle close. */
    void open(Duration commitInterval) {
        index = new LuceneVectorIndex(new DataDirectory(dir), 8, commitInterval, Duration.ZERO);
    }

    /** Opens the index without background commits: whatever follows the open-time commit is replayed from the translog. */
    void openWithoutBackgroundCommits() {
        open(Duration.ofHours(1));
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }
}
