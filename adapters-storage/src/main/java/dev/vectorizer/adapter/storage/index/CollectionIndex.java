package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionStats;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.ScrollPage;
import dev.vectorizer.domain.search.ScrollRequest;
import dev.vectorizer.domain.search.TextQuery;
import dev.vectorizer.domain.search.VectorQuery;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RescoreTopNQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * One open collection: its Lucene index ({@link MMapDirectory}, one {@link IndexWriter}, an NRT
 * {@link SearcherManager}) and its {@link Translog}.
 *
 * <h2>Writes</h2>
 * Every write call is one translog record. Under the append lock the record is appended and a
 * {@link WriteSequencer} ticket taken; then, without a lock, the translog is fsynced (concurrent
 * writers share one fsync); then, in ticket order, the change is applied to the writer and the searcher
 * refreshed; then the call returns. So when a write returns it is on disk and visible, and batches
 * become visible whole (a refresh never runs in the middle of another batch). Deletes log the ids they
 * resolved: {@code delete} and {@code deleteMatching} wait, under the append lock, until every earlier
 * write is visible, resolve against that state and log the ids, so the log replays to the same index.
 *
 * <h2>Commits</h2>
 * {@link #commit} (from the background scheduler and on {@link #close}) rolls the translog to a new
 * generation {@code g}, waits until every record of older generations is applied, commits Lucene with
 * {@code translog_generation = g} in the commit user data and deletes the older generations. On
 * {@link #open}, records of generations {@code >= } the committed one are replayed (re-applying a
 * record already in the commit is harmless: every operation replaces or removes whole documents by
 * id), then a commit is taken so the replayed log can be dropped.
 *
 * <h2>Lifecycle</h2>
 * Callers bracket every use with {@link #tryEnter}/{@link #exit}; {@link #close} waits for those in
 * flight and later {@code tryEnter}s fail, telling the caller to reopen.
 */
final class CollectionIndex implements Closeable {

    static final String GENERATION_KEY = "translog_generation";
    private static final Logger LOG = Logger.getLogger(CollectionIndex.class.getName());

    private final Collection collection;
    private final CollectionPaths paths;
    private final Metric metric;
    private final VectorSimilarityFunction similarity;
    private final int oversample;
    private final Analyzer analyzer = new StandardAnalyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Translog translog;
    private final WriteSequencer sequencer = new WriteSequencer();
    private final ReentrantLock appendLock = new ReentrantLock();
    private final Object commitLock = new Object();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private volatile long lastUsedNanos = System.nanoTime();

    private CollectionIndex(Collection collection, CollectionPaths paths, Directory directory, IndexWriter writer,
            SearcherManager searchers, Translog translog) {
        this.collection = collection;
        this.paths = paths;
        this.metric = collection.spec().metric();
        this.similarity = MetricScores.similarity(metric);
        this.oversample = VectorCodecs.oversample(collection.spec().quantization());
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.translog = translog;
    }

    /**
     * Opens the collection's index, replaying its translog. With {@code create} the directories are made
     * if missing; without, a missing index is a {@link NotFoundException}.
     */
    static CollectionIndex open(Collection collection, CollectionPaths paths, boolean create) throws IOException {
        if (create) {
            Files.createDirectories(paths.index());
            Files.createDirectories(paths.translog());
        } else if (!Files.isDirectory(paths.index())) {
            throw NotFoundException.collection(collection.ref().name());
        }
        Directory directory = new MMapDirectory(paths.index());
        IndexWriter writer = null;
        try {
            IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer())
                    .setCodec(VectorCodecs.codec(collection.spec()))
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(false);
            writer = new IndexWriter(directory, config);
            long committed = committedGeneration(writer);
            VectorSimilarityFunction similarity = MetricScores.similarity(collection.spec().metric());
            IndexWriter w = writer;
            Translog.Recovery recovery = Translog.recover(paths.translog(), committed, op -> {
                try {
                    apply(w, op, similarity);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (IllegalArgumentException rejected) {
                    // Lucene refused this batch when it was first applied too, so it was never acknowledged
                    LOG.log(Level.WARNING, "skipping a translog record of " + collection.ref() + " that Lucene rejects", rejected);
                }
            });
            long generation = Math.max(committed, recovery.highestGeneration()) + 1;
            writer.setLiveCommitData(Map.of(GENERATION_KEY, Long.toString(generation)).entrySet());
            writer.commit();
            Translog translog = Translog.create(paths.translog(), generation);
            translog.deleteBelow(generation);
            Translog.fsyncDirectory(paths.translog());
            SearcherManager searchers = new SearcherManager(writer, null);
            return new CollectionIndex(collection, paths, directory, writer, searchers, translog);
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                try {
                    writer.rollback();
                } catch (IOException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            directory.close();
            throw e;
        }
    }

    private static long committedGeneration(IndexWriter writer) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (GENERATION_KEY.equals(e.getKey())) {
                    return Long.parseLong(e.getValue());
                }
            }
        }
        return 0;
    }

    private static void apply(IndexWriter writer, TranslogOperation op, VectorSimilarityFunction similarity) throws IOException {
        switch (op) {
            case TranslogOperation.Upsert upsert -> {
                // last one wins within a batch; one atomic delete-and-add-block, so a batch that fails
                // to index leaves nothing behind
                Map<String, Vector> byId = new LinkedHashMap<>();
                upsert.vectors().forEach(v -> byId.put(v.id().value(), v));
                List<BytesRef> ids = byId.keySet().stream().map(BytesRef::new).toList();
                List<Document> docs = byId.values().stream().map(v -> VectorDocuments.toDocument(v, similarity)).toList();
                writer.updateDocuments(new TermInSetQuery(VectorDocuments.ID, ids), docs);
            }
            case TranslogOperation.Delete delete -> {
                Term[] terms = delete.ids().stream().map(VectorDocuments::idTerm).toArray(Term[]::new);
                if (terms.length > 0) {
                    writer.deleteDocuments(terms);
                }
            }
        }
    }

    Collection collection() {
        return collection;
    }

    // ---------------------------------------------------------------- lifecycle

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
        return !writer.isOpen() || writer.getTragicException() != null;
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    /** Waits for operations in flight, commits, trims the translog and releases every file. Idempotent. */
    @Override
    @SuppressWarnings("try") // the resources are there only to be closed, in reverse order, even on failure
    public void close() throws IOException {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try (Closeable d = directory; Closeable t = translog; Closeable a = analyzer; Closeable w = writer; Closeable s = searchers) {
                commitNow();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /**
     * Simulates a crash (tests only): drops the writer's uncommitted state and releases the index lock
     * without committing, and leaves the translog as it is on disk.
     */
    @SuppressWarnings("try") // as in close()
    void crash() throws IOException {
        lifecycle.writeLock().lock();
        try {
            closed = true;
            try (Closeable d = directory; Closeable a = analyzer; Closeable s = searchers) {
                writer.rollback();
                translog.abandon();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** Commits if anything changed since the last commit; call between {@link #tryEnter} and {@link #exit}. */
    void commit() throws IOException {
        commitNow();
    }

    private void commitNow() throws IOException {
        synchronized (commitLock) {
            if (!writer.isOpen() || translog.currentGenerationEmpty() && !writer.hasUncommittedChanges()) {
                return;
            }
            long generation;
            long before;
            appendLock.lock();
            try {
                generation = translog.roll();
                before = sequencer.issued();
            } finally {
                appendLock.unlock();
            }
            sequencer.awaitApplied(before);
            writer.setLiveCommitData(Map.of(GENERATION_KEY, Long.toString(generation)).entrySet());
            writer.commit();
            translog.deleteBelow(generation);
        }
    }

    // ---------------------------------------------------------------- writes

    void upsert(List<Vector> vectors) {
        if (!vectors.isEmpty()) {
            write(new TranslogOperation.Upsert(List.copyOf(vectors)), false, null);
        }
    }

    long delete(List<VectorId> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return write(null, true, searcher -> {
            List<BytesRef> terms = new LinkedHashSet<>(ids).stream().map(id -> new BytesRef(id.value())).toList();
            return idsMatching(searcher, new TermInSetQuery(VectorDocuments.ID, terms));
        });
    }

    long deleteMatching(Filter filter) {
        return write(null, true, searcher -> idsMatching(searcher, FilterQueries.toQuery(filter)));
    }

    private interface Resolver {
        List<VectorId> resolve(IndexSearcher searcher) throws IOException;
    }

    /**
     * Logs, syncs, applies and publishes one operation. With a {@code resolver}, the operation is a
     * delete of the ids the resolver finds in the state left by every earlier write; returns how many
     * documents the operation deletes (0 for upserts).
     */
    private long write(TranslogOperation op, boolean resolve, Resolver resolver) {
        try {
            long ticket;
            long position;
            TranslogOperation logged = op;
            appendLock.lock();
            try {
                if (resolve) {
                    sequencer.awaitApplied(sequencer.issued());
                    IndexSearcher searcher = searchers.acquire();
                    try {
                        List<VectorId> ids = resolver.resolve(searcher);
                        if (ids.isEmpty()) {
                            return 0;
                        }
                        logged = new TranslogOperation.Delete(ids);
                    } finally {
                        searchers.release(searcher);
                    }
                }
                position = translog.append(logged.encode());
                ticket = sequencer.issue();
            } finally {
                appendLock.unlock();
            }
            IOException failure = null;
            try {
                translog.sync(position);
            } catch (IOException e) {
                failure = e;
            }
            sequencer.awaitTurn(ticket);
            try {
                if (failure == null) {
                    apply(writer, logged, similarity);
                    searchers.maybeRefreshBlocking();
                }
            } finally {
                sequencer.done(ticket);
            }
            if (failure != null) {
                throw failure;
            }
            return logged instanceof TranslogOperation.Delete d ? d.ids().size() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("write to collection " + collection.ref() + " failed", e);
        }
    }

    private static List<VectorId> idsMatching(IndexSearcher searcher, Query query) throws IOException {
        List<VectorId> ids = new ArrayList<>();
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            SortedDocValues idValues = DocValues.getSorted(leaf.reader(), VectorDocuments.ID);
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if ((live == null || live.get(doc)) && idValues.advanceExact(doc)) {
                    ids.add(new VectorId(idValues.lookupOrd(idValues.ordValue()).utf8ToString()));
                }
            }
        }
        return ids;
    }

    // ---------------------------------------------------------------- reads

    private interface Read<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T read(Read<T> read) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return read.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("read of collection " + collection.ref() + " failed", e);
        }
    }

    Optional<Vector> get(VectorId id) {
        return read(searcher -> {
            TopDocs top = searcher.search(new TermQuery(VectorDocuments.idTerm(id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(VectorDocuments.fromDocument(searcher.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    List<ScoredPoint> search(VectorQuery query) {
        return read(searcher -> {
            Query filter = query.filter().map(FilterQueries::toQuery).orElse(null);
            int k = Math.max(query.ef(), query.limit());
            Query knn = new KnnFloatVectorQuery(VectorDocuments.VECTOR, query.vector(), k * oversample, filter);
            if (oversample > 1) {
                knn = RescoreTopNQuery.createFullPrecisionRescorerQuery(knn, query.vector(), VectorDocuments.VECTOR, k);
            }
            TopDocs top = searcher.search(knn, query.limit());
            return hits(searcher, top, query.withPayload(), query.withVector(), true);
        });
    }

    List<ScoredPoint> searchText(TextQuery query) {
        return read(searcher -> {
            BooleanQuery.Builder terms = new BooleanQuery.Builder();
            int count = 0;
            try (TokenStream tokens = analyzer.tokenStream(VectorDocuments.TEXT, query.text())) {
                CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
                tokens.reset();
                Set<String> seen = new LinkedHashSet<>();
                while (tokens.incrementToken()) {
                    if (seen.add(term.toString()) && count < IndexSearcher.getMaxClauseCount() - 1) {
                        terms.add(new TermQuery(new Term(VectorDocuments.TEXT, term.toString())), Occur.SHOULD);
                        count++;
                    }
                }
                tokens.end();
            }
            if (count == 0) {
                return List.<ScoredPoint>of();
            }
            BooleanQuery.Builder full = new BooleanQuery.Builder().add(terms.build(), Occur.MUST);
            query.filter().ifPresent(f -> full.add(FilterQueries.toQuery(f), Occur.FILTER));
            TopDocs top = searcher.search(full.build(), query.limit());
            return hits(searcher, top, query.withPayload(), query.withVector(), false);
        });
    }

    private List<ScoredPoint> hits(IndexSearcher searcher, TopDocs top, boolean withPayload, boolean withVector, boolean vectorScores)
            throws IOException {
        StoredFields stored = searcher.storedFields();
        Set<String> fields = new HashSet<>(Set.of(VectorDocuments.ID));
        if (withPayload) {
            fields.add(VectorDocuments.PAYLOAD);
        }
        if (withVector) {
            fields.add(VectorDocuments.VALUES);
        }
        List<ScoredPoint> points = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc hit : top.scoreDocs) {
            Document doc = stored.document(hit.doc, fields);
            float score = vectorScores ? MetricScores.natural(metric, hit.score) : hit.score;
            points.add(new ScoredPoint(VectorDocuments.id(doc), score,
                    withPayload ? Optional.of(VectorDocuments.payload(doc)) : Optional.empty(),
                    withVector ? Optional.of(VectorDocuments.values(doc)) : Optional.empty()));
        }
        return points;
    }

    ScrollPage scroll(ScrollRequest request) {
        return read(searcher -> {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            query.add(request.filter().map(FilterQueries::toQuery).orElse(MatchAllDocsQuery.INSTANCE), Occur.FILTER);
            request.after().ifPresent(after -> query.add(
                    TermRangeQuery.newStringRange(VectorDocuments.ID, after.value(), null, false, false), Occur.FILTER));
            Sort byId = new Sort(new SortField(VectorDocuments.ID, SortField.Type.STRING));
            TopDocs top = searcher.search(query.build(), request.limit() + 1, byId);
            StoredFields stored = searcher.storedFields();
            List<Vector> vectors = new ArrayList<>();
            int n = Math.min(request.limit(), top.scoreDocs.length);
            for (int i = 0; i < n; i++) {
                vectors.add(VectorDocuments.fromDocument(stored.document(top.scoreDocs[i].doc)));
            }
            Optional<VectorId> next = top.scoreDocs.length > request.limit() ? Optional.of(vectors.getLast().id()) : Optional.empty();
            return new ScrollPage(vectors, next);
        });
    }

    CollectionStats stats() {
        long count = read(searcher -> (long) searcher.getIndexReader().numDocs());
        return new CollectionStats(count, sizeOf(paths.index()) + Translog.sizeOf(paths.translog()));
    }

    private static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // deleted by a merge meanwhile
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
