package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.NotFoundException;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * One open collection: its Lucene index ({@link MMapDirectory}, one {@link IndexWriter}, an NRT
 * {@link SearcherManager}, one {@link Analyzer} for indexing and querying text) and its
 * {@link Translog}. This class owns the lifecycle and the commits; writes go through
 * {@link #writes()} ({@link DurableWrites}), reads through {@link #reads()} ({@link IndexReads}).
 * (Over 300 lines: opening, committing, snapshotting and merging share the writer's state and locks.)
 *
 * <h2>Opened to read only</h2>
 * A search on an idle collection opens it with {@link #openToRead}: when its last commit holds every
 * acknowledged write (its translog generation is the newest and empty, {@link Translog#nothingBeyond})
 * that is a plain {@link DirectoryReader} on the commit, without an {@link IndexWriter} (no lock file,
 * no directory listing by the file deleter) and without a translog.
 * Such an index has no {@link #writes()}: {@link OpenIndexes} closes it and opens the collection with
 * the writer before the first write, so writes are logged exactly as after any other open. A
 * collection with something to replay, or whose commit predates the recorded similarity, is opened
 * with the writer even to read it, so nothing is read before the replay. Closing an index opened to
 * read only, which the next search on another idle collection does when it evicts it, closes no
 * writer and no translog either.
 *
 * <h2>Commits</h2>
 * {@link #commit} (from the background scheduler and on {@link #close}) rolls the translog to a new
 * generation {@code g}, waits until every record of older generations is applied, commits Lucene with
 * {@code translog_generation = g} in the commit user data and deletes the older generations. On
 * {@link #open}, records of generations {@code >= } the committed one are replayed (re-applying a
 * record already in the commit is harmless: every operation replaces or removes whole documents by
 * id), then a commit is taken so the replayed log can be dropped. When there was nothing to replay (the
 * collection was closed cleanly) the open writes nothing at all: no commit, and the translog goes on in
 * the committed, empty generation ({@link Translog#resume}), so reading an idle collection costs no
 * fsync. Every commit also records the
 * vector field's similarity ({@code vector_similarity}), which fixes the index's {@link VectorSpace}
 * for good; an index without it predates unit-vector cosine and opens in {@link VectorSpace#legacy}
 * (after {@link CosineIndexUpgrade} where the legacy layout cannot be trusted to flush).
 *
 * <h2>Snapshots</h2>
 * {@link #snapshotInto} commits and pins that commit with the writer's {@link SnapshotDeletionPolicy}
 * (so neither merges nor later commits delete its files), then hard-links its files (Lucene never
 * changes a file once written) into a directory of the caller's, copying only where links are not
 * possible, and releases the pin. Writes go on meanwhile; background commits wait only for the
 * moment the snapshot is taken.
 *
 * <h2>Segments</h2>
 * Every write refreshes the searcher, which flushes a segment per batch; the merge policy keeps their
 * number logarithmic, but kNN searches each segment's graph, so a collection that stopped changing is
 * worth one graph. {@link #mergeIfSettled} merges it down to one segment (in the background, while
 * writes and searches go on, then refreshes and commits) once it had no write for a while and holds
 * several segments or many deletions, up to {@link #MAX_FORCED_MERGE_BYTES}; bigger collections keep
 * the merge policy's layout. Closing the index aborts a merge in progress.
 *
 * <p>Every segment up to {@link #MAX_COMPOUND_SEGMENT_MB} is one compound file: Lucene writes flushed
 * segments that way, and {@link #mergePolicy} makes merges do so too, where Lucene's default leaves a
 * merged segment that is over a tenth of the index in its separate files (a dozen or more). A small
 * collection merged to one segment is exactly that case, and every file takes at least a file-system
 * block (4 KiB), several times what its vectors take.
 *
 * <h2>Lifecycle</h2>
 * Callers bracket every use with {@link #tryEnter}/{@link #exit}; {@link #close} waits for those in
 * flight and later {@code tryEnter}s fail, telling the caller to reopen.
 */
final class CollectionIndex implements Closeable {

    static final String GENERATION_KEY = "translog_generation";
    static final String SIMILARITY_KEY = "vector_similarity";
    /** Collections bigger than this are never merged to one segment (the merge policy's default maximum segment size). */
    static final long MAX_FORCED_MERGE_BYTES = 5L << 30;
    /** Segments up to this size are one compound file, whatever their share of the index. */
    static final double MAX_COMPOUND_SEGMENT_MB = 16;
    private static final Logger LOG = Logger.getLogger(CollectionIndex.class.getName());

    private final Collection collection;
    private final Analyzer analyzer;
    private final Directory directory;
    /** The writer, its deletion policy, translog and write path; all null when opened to read only. */
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final SnapshotDeletionPolicy commits;
    private final Path indexDirectory;
    private final Translog translog;
    private final VectorSpace space;
    private final DurableWrites writes;
    private final IndexReads reads;
    private final Object commitLock = new Object();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private volatile long lastUsedNanos = System.nanoTime();
    private final AtomicBoolean merging = new AtomicBoolean();
    /** The {@link DurableWrites#lastWriteNanos} the last merge started after; null before the first. */
    private volatile Long mergedAfterWrite;

    private CollectionIndex(Collection collection, Analyzer analyzer, Directory directory, IndexWriter writer, SearcherManager searchers,
            Path indexDirectory, Translog translog, VectorSpace space, DurableWrites writes, IndexReads reads) {
        this.collection = collection;
        this.analyzer = analyzer;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.commits = writer == null ? null : (SnapshotDeletionPolicy) writer.getConfig().getIndexDeletionPolicy();
        this.indexDirectory = indexDirectory;
        this.translog = translog;
        this.space = space;
        this.writes = writes;
        this.reads = reads;
    }

    /**
     * Opens the collection's index, replaying its translog. With {@code create} the directories are made
     * if missing; without, a missing index is a {@link NotFoundException}.
     */
    static CollectionIndex open(Collection collection, CollectionPaths paths, boolean create) throws IOException {
        CosineIndexUpgrade.finishInterrupted(paths);
        if (create) {
            Files.createDirectories(paths.index());
            Files.createDirectories(paths.translog());
        } else if (!Files.isDirectory(paths.index())) {
            throw NotFoundException.collection(collection.ref().name());
        }
        Analyzer analyzer = new StandardAnalyzer();
        Directory directory = null;
        IndexWriter writer = null;
        Translog translog = null;
        try {
            CosineIndexUpgrade.upgradeIfNeeded(collection.spec(), paths, analyzer);
            directory = new MMapDirectory(paths.index());
            boolean existed = DirectoryReader.indexExists(directory);
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setCodec(VectorCodecs.codec(collection.spec()))
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setIndexDeletionPolicy(new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy()))
                    .setMergePolicy(mergePolicy())
                    .setCommitOnClose(false);
            writer = new IndexWriter(directory, config);
            Map<String, String> committed = commitData(writer);
            VectorSpace space = existed ? spaceOf(committed, collection.spec().metric()) : VectorSpace.of(collection.spec().metric());
            long committedGeneration = Long.parseLong(committed.getOrDefault(GENERATION_KEY, "0"));
            Replay replayed = replay(collection, paths, writer, space, committedGeneration);
            if (existed && replayed.nothingBeyond(committedGeneration) && committed.containsKey(SIMILARITY_KEY)) {
                // the last commit holds everything and its translog generation is the newest, empty one:
                // go on writing there, so that opening an idle collection to read it writes nothing
                translog = Translog.resume(paths.translog(), committedGeneration);
            } else {
                long generation = Math.max(committedGeneration, replayed.highestOnDisk()) + 1;
                writer.setLiveCommitData(commitData(generation, space).entrySet());
                writer.commit();
                translog = Translog.create(paths.translog(), generation);
                translog.deleteBelow(generation);
                IOUtils.fsync(paths.translog(), true);
            }
            SearcherManager searchers = new SearcherManager(writer, null);
            DurableWrites writes = new DurableWrites(collection.ref(), writer, searchers, translog, space);
            IndexReads reads = new IndexReads(collection.ref(), searchers, analyzer, space,
                    VectorCodecs.oversample(collection.spec().quantization()), paths.translog(), writes::storedBytes);
            return new CollectionIndex(collection, analyzer, directory, writer, searchers, paths.index(), translog, space, writes, reads);
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                try {
                    writer.rollback();
                } catch (IOException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            IOUtils.closeWhileSuppressingExceptions(e, translog, directory, analyzer);
            throw e;
        }
    }

    /**
     * Opens the collection to search or read it: without a writer if its last commit holds everything
     * (see the class comment), else as {@link #open} does. A missing index is a {@link NotFoundException}.
     */
    static CollectionIndex openToRead(Collection collection, CollectionPaths paths) throws IOException {
        CosineIndexUpgrade.finishInterrupted(paths);
        if (!Files.isDirectory(paths.index())) {
            throw NotFoundException.collection(collection.ref().name());
        }
        Analyzer analyzer = new StandardAnalyzer();
        Directory directory = new MMapDirectory(paths.index());
        DirectoryReader reader = null;
        try {
            if (DirectoryReader.indexExists(directory)) {
                reader = DirectoryReader.open(directory);
                Map<String, String> committed = reader.getIndexCommit().getUserData();
                String generation = committed.get(GENERATION_KEY);
                if (generation != null && committed.containsKey(SIMILARITY_KEY)
                        && Translog.nothingBeyond(paths.translog(), Long.parseLong(generation))) {
                    VectorSpace space = spaceOf(committed, collection.spec().metric());
                    SearcherManager searchers = new SearcherManager(reader, null);
                    IndexReads reads = new IndexReads(collection.ref(), searchers, analyzer, space,
                            VectorCodecs.oversample(collection.spec().quantization()), paths.translog(), storedBytesOnce(searchers));
                    return new CollectionIndex(collection, analyzer, directory, null, searchers, paths.index(), null, space, null, reads);
                }
            }
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileSuppressingExceptions(e, reader, directory, analyzer);
            throw e;
        }
        // something to replay, a legacy commit or no commit at all: the writer must open it
        IOUtils.close(reader, directory, analyzer);
        return open(collection, paths, false);
    }

    /**
     * The stored bytes of an index opened to read only, counted on first use ({@code stats}) rather than
     * at every open: nothing changes them until the index is closed.
     */
    private static LongSupplier storedBytesOnce(SearcherManager searchers) {
        AtomicLong counted = new AtomicLong(-1);
        return () -> {
            long bytes = counted.get();
            if (bytes < 0) {
                try {
                    IndexSearcher searcher = searchers.acquire();
                    try {
                        bytes = StoredSizes.total(searcher);
                    } finally {
                        searchers.release(searcher);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                counted.set(bytes);
            }
            return bytes;
        };
    }

    /** Lucene's tiered merges, with a compound file for every segment up to {@link #MAX_COMPOUND_SEGMENT_MB}. */
    private static MergePolicy mergePolicy() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setNoCFSRatio(1.0);
        policy.setMaxCFSSegmentSizeMB(MAX_COMPOUND_SEGMENT_MB);
        return policy;
    }

    /**
     * What {@link #replay} found: the highest generation on disk (0 if none) and how many records it
     * replayed.
     */
    private record Replay(long highestOnDisk, long records) {

        /** True if nothing was replayed and the newest generation on disk is {@code committed}. */
        boolean nothingBeyond(long committed) {
            return records == 0 && highestOnDisk == committed;
        }
    }

    /** Replays the translog generations from {@code committed} on, which the last commit does not cover. */
    private static Replay replay(Collection collection, CollectionPaths paths, IndexWriter writer, VectorSpace space, long committed)
            throws IOException {
        long[] records = {0};
        long highest = Translog.recover(paths.translog(), committed, op -> {
            records[0]++;
            try {
                DurableWrites.apply(writer, op, space);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalArgumentException rejected) {
                // Lucene refused this batch when it was first applied too, so it was never acknowledged
                LOG.log(Level.WARNING, "skipping a translog record of " + collection.ref() + " that Lucene rejects", rejected);
            }
        });
        return new Replay(highest, records[0]);
    }

    /** The user data of the writer's last commit (empty for a new index). */
    private static Map<String, String> commitData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    /** What every commit records: the translog generation it covers up to, and the vector field's similarity. */
    static Map<String, String> commitData(long generation, VectorSpace space) {
        return Map.of(GENERATION_KEY, Long.toString(generation), SIMILARITY_KEY, space.similarity().name());
    }

    /** The space an existing index was written in: as its commits record it, else the legacy one. */
    static VectorSpace spaceOf(Map<String, String> committed, Metric metric) {
        String similarity = committed.get(SIMILARITY_KEY);
        return similarity == null ? VectorSpace.legacy(metric) : new VectorSpace(metric, VectorSimilarityFunction.valueOf(similarity));
    }

    Collection collection() {
        return collection;
    }

    /** The write path; only for an index opened with the writer (see {@link #isReadOnly}). */
    DurableWrites writes() {
        if (writes == null) {
            throw new IllegalStateException("collection " + collection.ref() + " was opened to read only");
        }
        return writes;
    }

    /** True if opened by {@link #openToRead} without a writer: it has no {@link #writes()}. */
    boolean isReadOnly() {
        return writer == null;
    }

    IndexReads reads() {
        return reads;
    }

    /** Marks a use; false if this index was closed (the caller reopens). Pair with {@link #exit}. */
    boolean tryEnter() {
        if (!tryEnterQuietly()) {
            return false;
        }
        lastUsedNanos = System.nanoTime();
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

    /**
     * True if Lucene closed the writer after a tragic error (disk full, I/O failure): the index must be
     * closed and reopened, which replays the translog.
     */
    boolean isBroken() {
        return writer != null && (!writer.isOpen() || writer.getTragicException() != null);
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
                commitNow(); // nothing to commit when opened to read only; IOUtils skips its null writer and translog
            } catch (IOException | RuntimeException e) {
                IOUtils.closeWhileSuppressingExceptions(e, searchers, writer, analyzer, translog, directory);
                throw e;
            }
            IOUtils.close(searchers, writer, analyzer, translog, directory);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /**
     * Releases every file without committing, as a process crash would leave them: whatever the last
     * commit does not hold lives only in the translog, which the next {@link #open} replays.
     */
    void abandon() throws IOException {
        lifecycle.writeLock().lock();
        try {
            closed = true;
            try {
                if (writer != null) { // opened to read only: nothing to roll back
                    writer.rollback();
                }
            } finally {
                IOUtils.close(searchers, analyzer, translog, directory);
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /**
     * Starts merging the index down to one segment on {@code executor} if it had no write for
     * {@code settle}, none since the last such merge began, and its layout is worth merging (several
     * segments, or more than a tenth of its documents deleted); returns whether it started. Call between
     * {@link #tryEnter} and {@link #exit}; the merge itself runs outside them.
     */
    boolean mergeIfSettled(Duration settle, Executor executor) throws IOException {
        if (writer == null) {
            return false; // LuceneVectorIndex#maintain reopens it with the writer if it is worth merging
        }
        long lastWrite = writes.lastWriteNanos();
        if (System.nanoTime() - lastWrite < settle.toNanos() || Long.valueOf(lastWrite).equals(mergedAfterWrite) || !worthMerging()
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

    /** True if the layout is worth merging to one segment: several segments, or many deletions, up to the size limit. */
    boolean worthMerging() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            IndexReader reader = searcher.getIndexReader();
            return (reader.leaves().size() > 1 || reader.numDeletedDocs() * 10L > reader.maxDoc()) && IndexReads.segmentBytes(reader) <= MAX_FORCED_MERGE_BYTES;
        } finally {
            searchers.release(searcher);
        }
    }

    private void mergeToOneSegment() {
        try {
            writer.forceMerge(1);
            if (tryEnterQuietly()) {
                try {
                    searchers.maybeRefreshBlocking();
                    commitNow();
                } finally {
                    exit();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                LOG.log(Level.WARNING, "background merge of collection " + collection.ref() + " failed", e);
            } // else: closing aborted it
        } finally {
            merging.set(false);
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

    /** Commits if anything changed since the last commit; call between {@link #tryEnter} and {@link #exit}. */
    void commit() throws IOException {
        commitNow();
    }

    /**
     * Puts the files of this index's state now (every write that returned before the call) into the
     * empty directory {@code target} and returns how many vectors that state holds. Call between
     * {@link #tryEnterQuietly} and {@link #exit}.
     */
    long snapshotInto(Path target) throws IOException {
        if (writer == null) {
            // opened to read only: the commit it reads holds everything, and no writer can delete its files
            IndexSearcher searcher = searchers.acquire();
            try {
                return linkInto(((DirectoryReader) searcher.getIndexReader()).getIndexCommit(), target);
            } finally {
                searchers.release(searcher);
            }
        }
        IndexCommit commit;
        synchronized (commitLock) {
            commitNow();
            commit = commits.snapshot();
        }
        try {
            return linkInto(commit, target);
        } finally {
            commits.release(commit);
            writer.deleteUnusedFiles();
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

    private void commitNow() throws IOException {
        synchronized (commitLock) {
            if (writer == null || !writer.isOpen() || translog.currentGenerationEmpty() && !writer.hasUncommittedChanges()) {
                return;
            }
            long generation = writes.rollAndDrain();
            writer.setLiveCommitData(commitData(generation, space).entrySet());
            writer.commit();
            translog.deleteBelow(generation);
        }
    }
}
