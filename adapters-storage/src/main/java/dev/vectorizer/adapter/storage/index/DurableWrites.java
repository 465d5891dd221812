package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Filter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The write path of one open collection: every write call is one {@link Translog} record.
 *
 * <p>Under the append lock the record is appended and a {@link WriteSequencer} ticket taken; then,
 * without a lock, the translog is fsynced (concurrent writers share one fsync); then, in ticket order,
 * the change is applied to the writer and the searcher refreshed; then the call returns. So when a
 * write returns it is on disk and visible, and batches become visible whole (a refresh never runs in
 * the middle of another batch). Deletes log the ids they resolved: {@code delete} and
 * {@code deleteMatching} wait, under the append lock, until every earlier write is visible, resolve
 * against that state and log the ids, so the log replays to the same index.
 */
final class DurableWrites {

    private final CollectionRef ref;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Translog translog;
    private final VectorSpace space;
    private final WriteSequencer sequencer = new WriteSequencer();
    private final ReentrantLock appendLock = new ReentrantLock();
    private volatile long lastWriteNanos = System.nanoTime();

    DurableWrites(CollectionRef ref, IndexWriter writer, SearcherManager searchers, Translog translog, VectorSpace space) {
        this.ref = ref;
        this.writer = writer;
        this.searchers = searchers;
        this.translog = translog;
        this.space = space;
    }

    /**
     * Applies one logged operation to the writer, live or on replay. An upsert is one atomic
     * delete-and-add-block (last one wins within a batch), so a batch that fails to index leaves
     * nothing behind.
     */
    static void apply(IndexWriter writer, TranslogOperation op, VectorSpace space) throws IOException {
        switch (op) {
            case TranslogOperation.Upsert upsert -> {
                Map<String, Vector> byId = new LinkedHashMap<>();
                upsert.vectors().forEach(v -> byId.put(v.id().value(), v));
                List<BytesRef> ids = byId.keySet().stream().map(BytesRef::new).toList();
                List<Document> docs = byId.values().stream().map(v -> VectorDocuments.toDocument(v, space)).toList();
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

    void upsert(List<Vector> vectors) {
        if (!vectors.isEmpty()) {
            write(new TranslogOperation.Upsert(List.copyOf(vectors)), null);
        }
    }

    /** Returns how many of the ids existed. */
    long delete(List<VectorId> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return write(null, searcher -> {
            List<BytesRef> terms = new LinkedHashSet<>(ids).stream().map(id -> new BytesRef(id.value())).toList();
            return idsMatching(searcher, new TermInSetQuery(VectorDocuments.ID, terms));
        });
    }

    /** Returns how many vectors matched and were deleted. */
    long deleteMatching(Filter filter) {
        return write(null, searcher -> idsMatching(searcher, FilterQueries.toQuery(filter)));
    }

    /**
     * Starts a new translog generation and waits until every record of the older ones is applied to
     * the writer; returns the new generation, which a commit taken now covers the older ones of.
     */
    long rollAndDrain() throws IOException {
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
        return generation;
    }

    /** When the last write was applied (the index's open time if none since). */
    long lastWriteNanos() {
        return lastWriteNanos;
    }

    private interface Resolver {
        List<VectorId> resolve(IndexSearcher searcher) throws IOException;
    }

    /**
     * Logs, syncs, applies and publishes one operation. With a {@code resolver} instead of an
     * operation, the operation is a delete of the ids the resolver finds in the state left by every
     * earlier write; returns how many documents the operation deletes (0 for upserts).
     */
    private long write(TranslogOperation op, Resolver resolver) {
        try {
            long ticket;
            long position;
            TranslogOperation logged = op;
            appendLock.lock();
            try {
                if (resolver != null) {
                    List<VectorId> ids = resolveAfterEarlierWrites(resolver);
                    if (ids.isEmpty()) {
                        return 0;
                    }
                    logged = new TranslogOperation.Delete(ids);
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
                    apply(writer, logged, space);
                    lastWriteNanos = System.nanoTime();
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
            throw new UncheckedIOException("write to collection " + ref + " failed", e);
        }
    }

    /** Call under the append lock: waits until every earlier write is visible, then resolves. */
    private List<VectorId> resolveAfterEarlierWrites(Resolver resolver) throws IOException {
        sequencer.awaitApplied(sequencer.issued());
        IndexSearcher searcher = searchers.acquire();
        try {
            return resolver.resolve(searcher);
        } finally {
            searchers.release(searcher);
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
}
