package dev.vectorizer.adapter.storage.index;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.index.IndexReader;

/**
 * Merges a collection that stopped changing down to one segment. Every write refreshes the searcher,
 * which flushes a segment per batch; the merge policy keeps their number logarithmic, but kNN searches
 * each segment's graph, so a settled collection is worth one graph. {@link #startIfSettled} merges it
 * (in the background, while writes and searches go on, then refreshes and commits) once it had no
 * write for a while and holds several segments or many deletions, up to {@link #MAX_FORCED_MERGE_BYTES};
 * bigger collections keep the merge policy's layout. Closing the index aborts a merge in progress.
 * One per index opened with its writer.
 */
final class SettledMerge {

    /** Collections bigger than this are never merged to one segment (the merge policy's default maximum segment size). */
    static final long MAX_FORCED_MERGE_BYTES = 5L << 30;
    private static final Logger LOG = Logger.getLogger(SettledMerge.class.getName());

    private final CollectionIndex index;
    private final WriterSide writing;
    private final AtomicBoolean merging = new AtomicBoolean();
    /** The {@link DurableWrites#lastWriteNanos} the last merge started after; null before the first. */
    private volatile Long mergedAfterWrite;

    SettledMerge(CollectionIndex index, WriterSide writing) {
        this.index = index;
        this.writing = writing;
    }

    /** True if {@code reader}'s layout is worth merging to one segment: several segments, or many deletions, up to the size limit. */
    static boolean worthMerging(IndexReader reader) throws IOException {
        return (reader.leaves().size() > 1 || reader.numDeletedDocs() * 10L > reader.maxDoc())
                && IndexReads.segmentBytes(reader) <= MAX_FORCED_MERGE_BYTES;
    }

    /**
     * Starts the merge on {@code executor} if the index had no write for {@code settle}, none since the
     * last such merge began, and its layout is worth merging; returns whether it started. Call while
     * {@link CollectionIndex#tryEnterQuietly in} the index; the merge itself runs outside.
     */
    boolean startIfSettled(Duration settle, Executor executor) throws IOException {
        long lastWrite = writing.writes().lastWriteNanos();
        if (System.nanoTime() - lastWrite < settle.toNanos() || Long.valueOf(lastWrite).equals(mergedAfterWrite) || !index.worthMerging()
                || !merging.compareAndSet(false, true)) {
            return false;
        }
        mergedAfterWrite = lastWrite;
        try {
            executor.execute(this::mergeToOneSegment);
        } catch (RejectedExecutionException shuttingDown) {
            merging.set(false);
            return false;
        }
        return true;
    }

    private void mergeToOneSegment() {
        try {
            writing.writer().forceMerge(1);
            if (index.tryEnterQuietly()) {
                try {
                    index.refreshAndCommit();
                } finally {
                    index.exit();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!index.isClosed()) {
                LOG.log(Level.WARNING, "background merge of collection " + index.collection().ref() + " failed", e);
            } // else: closing aborted it
        } finally {
            merging.set(false);
        }
    }
}
