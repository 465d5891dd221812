package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.usage.UsageChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
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
 *
 * <p>Every write says what it changed ({@link UsageChange}: vectors added or removed, stored bytes
 * gained or freed), measured against exactly the writes before it in log order: an upsert when its
 * turn comes (every earlier write is visible, no later one), or, when an admission must see the
 * change before anything is logged, under the append lock like a delete (later writes wait). The
 * collection's stored bytes are kept as a running total, counted once at open.
 */
final class DurableWrites {

    private final CollectionRef ref;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Translog translog;
    private final VectorSpace space;
    private final WriteSequencer sequencer = new WriteSequencer();
    private final ReentrantLock appendLock = new ReentrantLock();
    private final AtomicLong storedBytes;
    private volatile long lastWriteNanos = System.nanoTime();

    DurableWrites(CollectionRef ref, IndexWriter writer, SearcherManager searchers, Translog translog, VectorSpace space) throws IOException {
        this.ref = ref;
        this.writer = writer;
        this.searchers = searchers;
        this.translog = translog;
        this.space = space;
        this.storedBytes = new AtomicLong(onSearcher(StoredSizes::total));
    }

    /**
     * Applies one logged operation to the writer, live or on replay. An upsert is one atomic
     * delete-and-add-block (last one wins within a batch), so a batch that fails to index leaves
     * nothing behind.
     */
    static void apply(IndexWriter writer, TranslogOperation op, VectorSpace space) throws IOException {
        switch (op) {
            case TranslogOperation.Upsert upsert -> {
                Map<String, Vector> byId = byId(upsert.vectors());
                List<Document> docs = byId.values().stream().map(v -> VectorDocuments.toDocument(v, space)).toList();
                writer.updateDocuments(idQuery(byId.keySet()), docs);
            }
            case TranslogOperation.Delete delete -> {
                Term[] terms = delete.ids().stream().map(VectorDocuments::idTerm).toArray(Term[]::new);
                if (terms.length > 0) {
                    writer.deleteDocuments(terms);
                }
            }
        }
    }

    private static Map<String, Vector> byId(List<Vector> vectors) {
        Map<String, Vector> byId = new LinkedHashMap<>();
        vectors.forEach(v -> byId.put(v.id().value(), v));
        return byId;
    }

    private static Query idQuery(Collection<String> ids) {
        return new TermInSetQuery(VectorDocuments.ID, ids.stream().map(BytesRef::new).toList());
    }

    /** The stored bytes of the collection's live vectors after every write that returned. */
    long storedBytes() {
        return storedBytes.get();
    }

    /** Upserts a batch; returns what it changed, measured when its turn comes. */
    UsageChange upsert(List<Vector> vectors) {
        return vectors.isEmpty() ? UsageChange.NONE : write(new TranslogOperation.Upsert(List.copyOf(vectors)), null);
    }

    /**
     * Upserts a batch if {@code admission} accepts its change, measured before it is logged against
     * every earlier write; if admission throws, nothing is logged.
     */
    UsageChange upsert(List<Vector> vectors, Consumer<UsageChange> admission) {
        TranslogOperation.Upsert op = new TranslogOperation.Upsert(List.copyOf(vectors));
        return write(null, searcher -> {
            UsageChange change = upsertChange(searcher, op);
            admission.accept(change);
            return new Planned(op, change);
        });
    }

    /** Deletes the ids that exist; returns what that freed. */
    UsageChange delete(List<VectorId> ids) {
        if (ids.isEmpty()) {
            return UsageChange.NONE;
        }
        return write(null, searcher -> deletion(searcher, idQuery(new LinkedHashSet<>(ids.stream().map(VectorId::value).toList()))));
    }

    /** Deletes the vectors matching {@code filter}; returns what that freed. */
    UsageChange deleteMatching(Filter filter) {
        return write(null, searcher -> deletion(searcher, FilterQueries.toQuery(filter)));
    }

    private static Planned deletion(IndexSearcher searcher, Query query) throws IOException {
        StoredSizes.Matched matched = StoredSizes.matching(searcher, query);
        return new Planned(matched.ids().isEmpty() ? null : new TranslogOperation.Delete(matched.ids()),
                new UsageChange(-matched.count(), -matched.bytes()));
    }

    /** What an upsert changes in the state {@code searcher} shows: its new ids, and its bytes less those it replaces. */
    private static UsageChange upsertChange(IndexSearcher searcher, TranslogOperation.Upsert op) throws IOException {
        Map<String, Vector> byId = byId(op.vectors());
        StoredSizes.Matched replaced = StoredSizes.matching(searcher, idQuery(byId.keySet()));
        long added = byId.values().stream().mapToLong(Vector::storedBytes).sum();
        return new UsageChange(byId.size() - replaced.count(), added - replaced.bytes());
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

    /** An operation decided under the append lock, and its change; a null operation writes nothing. */
    private record Planned(TranslogOperation op, UsageChange change) {
    }

    private interface Planner {
        Planned plan(IndexSearcher searcher) throws IOException;
    }

    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    /** When the last write was applied (the index's open time if none since). */
    long lastWriteNanos() {
        return lastWriteNanos;
    }

    /**
     * Logs, syncs, applies and publishes one operation. With a {@code planner} instead of an
     * operation, the operation and its change are decided in the state left by every earlier write,
     * under the append lock; otherwise an upsert's change is measured when its turn comes.
     */
    private UsageChange write(TranslogOperation op, Planner planner) {
        try {
            long ticket;
            long position;
            TranslogOperation logged = op;
            UsageChange planned = null;
            appendLock.lock();
            try {
                if (planner != null) {
                    sequencer.awaitApplied(sequencer.issued());
                    Planned plan = onSearcher(planner::plan);
                    if (plan.op() == null) {
                        return plan.change();
                    }
                    logged = plan.op();
                    planned = plan.change();
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
            UsageChange change = planned;
            try {
                if (failure == null) {
                    if (change == null) {
                        TranslogOperation.Upsert upsert = (TranslogOperation.Upsert) logged;
                        change = onSearcher(searcher -> upsertChange(searcher, upsert));
                    }
                    apply(writer, logged, space);
                    lastWriteNanos = System.nanoTime();
                    searchers.maybeRefreshBlocking();
                    storedBytes.addAndGet(change.bytes());
                }
            } finally {
                sequencer.done(ticket);
            }
            if (failure != null) {
                throw failure;
            }
            return change;
        } catch (IOException e) {
            throw new UncheckedIOException("write to collection " + ref + " failed", e);
        }
    }

    private <T> T onSearcher(SearcherWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.run(searcher);
        } finally {
            searchers.release(searcher);
        }
    }
}
