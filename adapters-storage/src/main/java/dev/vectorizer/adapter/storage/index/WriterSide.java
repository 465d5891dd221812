package dev.vectorizer.adapter.storage.index;

import java.io.Closeable;
import java.io.IOException;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.util.IOUtils;

/**
 * The writer side of a collection opened with its writer: the {@link IndexWriter}, its
 * {@link Translog}, the write path ({@link DurableWrites}) and the commits. An index opened to read
 * only has none ({@link CollectionIndex#isReadOnly}).
 *
 * <h2>Commits</h2>
 * {@link #commit} (from the background scheduler, after a merge and on close) rolls the translog to a
 * new generation {@code g}, waits until every record of older generations is applied, commits Lucene
 * with {@code g} in the commit user data ({@link CommitData}) and deletes the older generations; it
 * does nothing when nothing changed since the last commit. {@link #pinCommit} commits and pins that
 * commit with the writer's {@link SnapshotDeletionPolicy}, so neither merges nor later commits delete
 * its files until {@link #release}; background commits wait only for the moment it is taken, writes
 * not at all. Commits and pins are serialised by one lock.
 */
final class WriterSide implements Closeable {

    private final IndexWriter writer;
    private final SnapshotDeletionPolicy commits;
    private final Translog translog;
    private final VectorSpace space;
    private final DurableWrites writes;
    private final Object commitLock = new Object();

    /** {@code writer} must have a {@link SnapshotDeletionPolicy}. */
    WriterSide(IndexWriter writer, Translog translog, VectorSpace space, DurableWrites writes) {
        this.writer = writer;
        this.commits = (SnapshotDeletionPolicy) writer.getConfig().getIndexDeletionPolicy();
        this.translog = translog;
        this.space = space;
        this.writes = writes;
    }

    IndexWriter writer() {
        return writer;
    }

    DurableWrites writes() {
        return writes;
    }

    /**
     * True if Lucene closed the writer after a tragic error (disk full, I/O failure): the index must be
     * closed and reopened, which replays the translog.
     */
    boolean isBroken() {
        return !writer.isOpen() || writer.getTragicException() != null;
    }

    /** Commits if anything changed since the last commit (see the class comment). */
    void commit() throws IOException {
        synchronized (commitLock) {
            if (!writer.isOpen() || translog.currentGenerationEmpty() && !writer.hasUncommittedChanges()) {
                return;
            }
            long generation = writes.rollAndDrain();
            writer.setLiveCommitData(CommitData.of(generation, space).entrySet());
            writer.commit();
            translog.deleteBelow(generation);
        }
    }

    /** Commits and pins that commit: its files stay until {@link #release}. */
    IndexCommit pinCommit() throws IOException {
        synchronized (commitLock) {
            commit();
            return commits.snapshot();
        }
    }

    /** Releases a commit {@link #pinCommit} pinned and deletes the files only it kept. */
    void release(IndexCommit pinned) throws IOException {
        commits.release(pinned);
        writer.deleteUnusedFiles();
    }

    /** Drops the writer's uncommitted changes and releases the writer and translog, as a process crash would leave them. */
    void abandon() throws IOException {
        try {
            writer.rollback();
        } finally {
            translog.close();
        }
    }

    /** Closes the writer without committing (call {@link #commit} first) and the translog. */
    @Override
    public void close() throws IOException {
        IOUtils.close(writer, translog);
    }
}
