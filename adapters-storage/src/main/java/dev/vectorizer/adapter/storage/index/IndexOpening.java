package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionStats;
import dev.vectorizer.domain.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * Opens a collection's {@link CollectionIndex}: with its writer and translog ({@link #open}, recovering
 * what the last commit does not hold), or to read only ({@link #openToRead}).
 *
 * <h2>Recovery</h2>
 * On {@link #open}, the translog records of generations {@code >=} the committed one
 * ({@link CommitData}) are replayed (re-applying a record already in the commit is harmless: every
 * operation replaces or removes whole documents by id), then a commit is taken so the replayed log can
 * be dropped. When there was nothing to replay (the collection was closed cleanly) the open writes
 * nothing at all: no commit, and the translog goes on in the committed, empty generation
 * ({@link Translog#resume}), so reading an idle collection costs no fsync. A legacy quantized cosine
 * index is rebuilt first ({@link CosineIndexUpgrade}): its layout cannot be trusted to flush.
 *
 * <h2>Opened to read only</h2>
 * A search on an idle collection opens it with {@link #openToRead}: when its last commit holds every
 * acknowledged write (its translog generation is the newest and empty, {@link Translog#nothingBeyond})
 * that is a plain {@link DirectoryReader} on the commit, without an {@link IndexWriter} (no lock file,
 * no directory listing by the file deleter) and without a translog. Such an index has no
 * {@link CollectionIndex#writes()}: {@link OpenIndexes} closes it and opens the collection with the
 * writer before the first write, so writes are logged exactly as after any other open. A collection
 * with something to replay, or whose commit predates the recorded similarity, is opened with the
 * writer even to read it, so nothing is read before the replay.
 *
 * <h2>Compound files</h2>
 * Every segment up to {@link #MAX_COMPOUND_SEGMENT_MB} is one compound file: Lucene writes flushed
 * segments that way, and {@link #mergePolicy} makes merges do so too, where Lucene's default leaves a
 * merged segment that is over a tenth of the index in its separate files (a dozen or more). A small
 * collection merged to one segment ({@link SettledMerge}) is exactly that case, and every file takes
 * at least a file-system block (4 KiB), several times what its vectors take.
 */
final class IndexOpening {

    /** Segments up to this size are one compound file, whatever their share of the index. */
    static final double MAX_COMPOUND_SEGMENT_MB = 16;
    private static final Logger LOG = Logger.getLogger(IndexOpening.class.getName());

    private IndexOpening() {
    }

    /**
     * Opens the collection's index with its writer, replaying its translog. With {@code create} the
     * directories are made if missing; without, a missing index is a {@link NotFoundException}.
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
            Map<String, String> committed = CommitData.committed(writer);
            VectorSpace space = existed ? CommitData.spaceOf(committed, collection.spec().metric()) : VectorSpace.of(collection.spec().metric());
            long committedGeneration = CommitData.generation(committed);
            Replay replayed = replay(collection, paths, writer, space, committedGeneration);
            if (existed && replayed.nothingBeyond(committedGeneration) && committed.containsKey(CommitData.SIMILARITY_KEY)) {
                // the last commit holds everything and its translog generation is the newest, empty one:
                // go on writing there, so that opening an idle collection to read it writes nothing
                translog = Translog.resume(paths.translog(), committedGeneration);
            } else {
                long generation = Math.max(committedGeneration, replayed.highestOnDisk()) + 1;
                writer.setLiveCommitData(CommitData.of(generation, space).entrySet());
                writer.commit();
                translog = Translog.create(paths.translog(), generation);
                translog.deleteBelow(generation);
                IOUtils.fsync(paths.translog(), true);
            }
            SearcherManager searchers = new SearcherManager(writer, null);
            DurableWrites writes = new DurableWrites(collection.ref(), writer, searchers, translog, space);
            IndexReads reads = new IndexReads(collection.ref(), searchers, analyzer, space,
                    VectorCodecs.oversample(collection.spec().quantization()), paths.translog(), writes::storedBytes);
            return new CollectionIndex(collection, analyzer, directory, searchers, paths.index(), reads,
                    new WriterSide(writer, translog, space, writes));
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
                if (holdsEverything(committed, paths)) {
                    VectorSpace space = CommitData.spaceOf(committed, collection.spec().metric());
                    SearcherManager searchers = new SearcherManager(reader, null);
                    IndexReads reads = new IndexReads(collection.ref(), searchers, analyzer, space,
                            VectorCodecs.oversample(collection.spec().quantization()), paths.translog(), storedBytesOnce(searchers));
                    return new CollectionIndex(collection, analyzer, directory, searchers, paths.index(), reads, null);
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
     * The stats of a collection whose index is not open, read from its last commit by a reader of its own,
     * closed at once: nothing is cached and no open index is closed to make room. Empty where that commit
     * does not hold every acknowledged write (a replay is due, which only {@link #open} may do), for a
     * legacy or half-upgraded index, and where the index cannot be read so (no commit yet, deleted
     * meanwhile): the caller then opens the collection as usual, which also answers those cases.
     */
    static Optional<CollectionStats> statsOfClosed(CollectionPaths paths) {
        if (!Files.isDirectory(paths.index()) || CosineIndexUpgrade.unfinished(paths)) {
            return Optional.empty();
        }
        try (Directory directory = new MMapDirectory(paths.index()); DirectoryReader reader = DirectoryReader.open(directory)) {
            if (!holdsEverything(reader.getIndexCommit().getUserData(), paths)) {
                return Optional.empty();
            }
            return Optional.of(IndexReads.stats(reader, paths.translog(), StoredSizes.total(new IndexSearcher(reader))));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * True if the commit whose user data is {@code committed} holds every acknowledged write (its translog
     * generation is the newest and empty) and records the similarity, so it can be read without a replay.
     */
    private static boolean holdsEverything(Map<String, String> committed, CollectionPaths paths) throws IOException {
        String generation = committed.get(CommitData.GENERATION_KEY);
        return generation != null && committed.containsKey(CommitData.SIMILARITY_KEY)
                && Translog.nothingBeyond(paths.translog(), Long.parseLong(generation));
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
}
