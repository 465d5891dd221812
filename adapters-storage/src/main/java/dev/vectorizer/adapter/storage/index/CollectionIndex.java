package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.Collection;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * One open collection: its Lucene index ({@link MMapDirectory}, an NRT {@link SearcherManager}, one
 * {@link Analyzer} for indexing and querying text), its read path ({@link #reads()}, {@link IndexReads})
 * and, unless it was opened to read only, its {@link WriterSide} (writer, translog, write path
 * {@link #writes()}, commits) and {@link SettledMerge}. {@link IndexOpening} opens it (recovery, and
 * when a reader without the writer will do); this class owns its lifecycle and snapshots.
 *
 * <h2>Lifecycle</h2>
 * Callers bracket every use with {@link #tryEnter}/{@link #exit} (a read lock); {@link #close} and
 * {@link #abandon} take the write lock, so they wait for the uses in flight, and later
 * {@code tryEnter}s fail, telling the caller to reopen ({@link OpenIndexes} does, under the
 * collection's slot monitor). Closing commits and releases every file; closing an index opened to read
 * only, which the next search on another idle collection does when it evicts it, and which
 * {@link OpenIndexes} does before the first write to reopen it with the writer, commits nothing and
 * closes no writer and no translog.
 *
 * <h2>Snapshots</h2>
 * {@link #snapshotInto} pins a fresh commit ({@link WriterSide#pinCommit}; an index opened to read only
 * pins the commit it reads), then hard-links its files (Lucene never changes a file once written) into
 * a directory of the caller's, copying only where links are not possible, and releases the pin. Writes
 * go on meanwhile.
 */
final class CollectionIndex implements Closeable {

    /** How stale {@link #lastUsedNanos} may be (idle timeouts are minutes). */
    private static final long USE_MARK_NANOS = 1_000_000;

    private final Collection collection;
    private final Analyzer analyzer;
    private final Directory directory;
    private final SearcherManager searchers;
    private final Path indexDirectory;
    private final IndexReads reads;
    /** The writer side and its merges; both null when opened to read only. */
    private final WriterSide writing;
    private final SettledMerge merge;
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private volatile long lastUsedNanos = System.nanoTime();

    /** {@code writing} is null for an index opened to read only. */
    CollectionIndex(Collection collection, Analyzer analyzer, Directory directory, SearcherManager searchers, Path indexDirectory,
            IndexReads reads, WriterSide writing) {
        this.collection = collection;
        this.analyzer = analyzer;
        this.directory = directory;
        this.searchers = searchers;
        this.indexDirectory = indexDirectory;
        this.reads = reads;
        this.writing = writing;
        this.merge = writing == null ? null : new SettledMerge(this, writing);
    }

    Collection collection() {
        return collection;
    }

    /** The write path; only for an index opened with the writer (see {@link #isReadOnly}). */
    DurableWrites writes() {
        if (writing == null) {
            throw new IllegalStateException("collection " + collection.ref() + " was opened to read only");
        }
        return writing.writes();
    }

    /** True if opened by {@link IndexOpening#openToRead} without a writer: it has no {@link #writes()}. */
    boolean isReadOnly() {
        return writing == null;
    }

    IndexReads reads() {
        return reads;
    }

    /** Marks a use; false if this index was closed (the caller reopens). Pair with {@link #exit}. */
    boolean tryEnter() {
        if (!tryEnterQuietly()) {
            return false;
        }
        long now = System.nanoTime();
        if (now - lastUsedNanos > USE_MARK_NANOS) {
            lastUsedNanos = now; // not on every use: concurrent searches would pass this line between cores
        }
        return true;
    }

    /** {@link #tryEnter} for background maintenance: does not count as a use for the idle timeout. */
    boolean tryEnterQuietly() {
        lifecycle.readLock().lock();
        if (closed) {
            lifecycle.readLock().unlock();
            return false;
        }
        return true;
    }

    void exit() {
        lifecycle.readLock().unlock();
    }

    boolean isClosed() {
        return closed;
    }

    /** True if the writer failed for good ({@link WriterSide#isBroken}): the index must be closed and reopened. */
    boolean isBroken() {
        return writing != null && writing.isBroken();
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    /** Waits for operations in flight, commits, trims the translog and releases every file. Idempotent. */
    @Override
    public void close() throws IOException {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                commit();
            } catch (IOException | RuntimeException e) {
                IOUtils.closeWhileSuppressingExceptions(e, searchers, writing, analyzer, directory);
                throw e;
            }
            IOUtils.close(searchers, writing, analyzer, directory); // IOUtils skips a null writer side
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /**
     * Releases every file without committing, as a process crash would leave them: whatever the last
     * commit does not hold lives only in the translog, which the next {@link IndexOpening#open} replays.
     */
    void abandon() throws IOException {
        lifecycle.writeLock().lock();
        try {
            closed = true;
            try {
                if (writing != null) { // opened to read only: nothing to roll back
                    writing.abandon();
                }
            } finally {
                IOUtils.close(searchers, analyzer, directory);
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** Commits if anything changed since the last commit; call between {@link #tryEnter} and {@link #exit}. */
    void commit() throws IOException {
        if (writing != null) { // opened to read only: its commit holds everything
            writing.commit();
        }
    }

    /** After a merge: makes it searchable and commits it. Call between {@link #tryEnterQuietly} and {@link #exit}. */
    void refreshAndCommit() throws IOException {
        searchers.maybeRefreshBlocking();
        commit();
    }

    /**
     * Starts merging the index down to one segment on {@code executor} if it settled
     * ({@link SettledMerge#startIfSettled}); returns whether it started. Call between {@link #tryEnter}
     * and {@link #exit}; the merge itself runs outside them.
     */
    boolean mergeIfSettled(Duration settle, Executor executor) throws IOException {
        if (merge == null) {
            return false; // LuceneVectorIndex#maintain reopens it with the writer if it is worth merging
        }
        return merge.startIfSettled(settle, executor);
    }

    /** True if the layout searches go through is worth merging to one segment ({@link SettledMerge#worthMerging}). */
    boolean worthMerging() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return SettledMerge.worthMerging(searcher.getIndexReader());
        } finally {
            searchers.release(searcher);
        }
    }

    /** The number of segments searches currently go through. */
    int segmentCount() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().leaves().size();
        } finally {
            searchers.release(searcher);
        }
    }

    /**
     * Puts the files of this index's state now (every write that returned before the call) into the
     * empty directory {@code target} and returns how many vectors that state holds. Call between
     * {@link #tryEnterQuietly} and {@link #exit}.
     */
    long snapshotInto(Path target) throws IOException {
        if (writing == null) {
            // opened to read only: the commit it reads holds everything, and no writer can delete its files
            IndexSearcher searcher = searchers.acquire();
            try {
                return linkInto(((DirectoryReader) searcher.getIndexReader()).getIndexCommit(), target);
            } finally {
                searchers.release(searcher);
            }
        }
        IndexCommit commit = writing.pinCommit();
        try {
            return linkInto(commit, target);
        } finally {
            writing.release(commit);
        }
    }

    /** Links the files of {@code commit} into {@code target}; returns how many vectors it holds. */
    private long linkInto(IndexCommit commit, Path target) throws IOException {
        for (String file : commit.getFileNames()) {
            link(indexDirectory.resolve(file), target.resolve(file));
        }
        IOUtils.fsync(target, true);
        long live = 0;
        for (SegmentCommitInfo segment : SegmentInfos.readCommit(directory, commit.getSegmentsFileName())) {
            live += segment.info.maxDoc() - segment.getDelCount();
        }
        return live;
    }

    private static void link(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (UnsupportedOperationException | FileSystemException notHere) {
            Files.copy(source, target); // another file system, or one without hard links
        }
    }
}
