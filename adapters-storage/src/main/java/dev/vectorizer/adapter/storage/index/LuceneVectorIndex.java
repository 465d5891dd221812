package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionStats;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.ScrollPage;
import dev.vectorizer.domain.search.ScrollRequest;
import dev.vectorizer.domain.search.TextQuery;
import dev.vectorizer.domain.search.VectorQuery;
import dev.vectorizer.domain.usage.UsageChange;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.util.IOUtils;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The vector index port on Apache Lucene: one Lucene index plus one write-ahead translog per
 * collection incarnation, under {@code {data-dir}/tenants/{tenant}/collections/{name}.{incarnation}/}
 * ({@link CollectionPaths}).
 *
 * <p>Durability: every write is logged and fsynced ({@link Translog}) before it is applied and made
 * visible, so a returned write survives a crash; Lucene commits happen in the background every
 * {@code vectorizer.storage.commit-interval} and when an index closes. Indexes open lazily, at most
 * {@code vectorizer.storage.max-open-indexes} at once (least recently used closed first), and an index
 * unused for {@code vectorizer.storage.idle-timeout} is closed ({@link OpenIndexes}); a closed collection
 * that is only read is opened without its writer until its first write or its merge. A collection
 * that had no write for one commit interval is merged down to one segment in the background, one
 * collection at a time ({@link CollectionIndex#mergeIfSettled}). Thread-safe.
 *
 * <p>Crash leftovers: an incarnation being created, restored or removed is noted as unsettled
 * ({@link UnsettledNotes}) until its catalog entry agrees with its files, so that a start after a crash
 * finds it without reading every tenant's directory ({@link #settleAll}).
 *
 * <p>Durations are ISO-8601 ({@code PT30S}) or a number with {@code ms}, {@code s}, {@code m} or
 * {@code h} ({@code 30s}); a zero idle timeout never closes idle indexes.
 */
@ApplicationScoped
public class LuceneVectorIndex implements VectorIndexPort {

    private static final Logger LOG = Logger.getLogger(LuceneVectorIndex.class.getName());

    private DataDirectory dataDirectory;
    private OpenIndexes indexes;
    private UnsettledNotes unsettled;
    private ScheduledExecutorService maintenance;
    private ExecutorService merges;
    private Duration idleTimeout;
    private Duration commitInterval;

    /** Defaults: 256 open indexes, commit every 30 s, close after 10 min idle. */
    public LuceneVectorIndex(DataDirectory dataDirectory) {
        this(dataDirectory, 256, Duration.ofSeconds(30), Duration.ofMinutes(10));
    }

    @Inject
    @SuppressWarnings("this-escape") // the first maintenance runs a period later; the CDI proxy uses the no-arg constructor
    public LuceneVectorIndex(DataDirectory dataDirectory,
            @ConfigProperty(name = "vectorizer.storage.max-open-indexes") int maxOpenIndexes,
            @ConfigProperty(name = "vectorizer.storage.commit-interval") Duration commitInterval,
            @ConfigProperty(name = "vectorizer.storage.idle-timeout") Duration idleTimeout) {
        this.dataDirectory = dataDirectory;
        this.idleTimeout = idleTimeout;
        this.commitInterval = commitInterval;
        this.unsettled = new UnsettledNotes(dataDirectory);
        this.indexes = new OpenIndexes(maxOpenIndexes,
                (collection, access) -> access == OpenIndexes.Access.READ ? IndexOpening.openToRead(collection, paths(collection))
                        : IndexOpening.open(collection, paths(collection), access == OpenIndexes.Access.CREATE));
        this.maintenance = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vectorizer-index-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        this.merges = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vectorizer-index-merge");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, commitInterval.toMillis());
        maintenance.scheduleWithFixedDelay(this::maintain, period, period, TimeUnit.MILLISECONDS);
    }

    /** For the CDI client proxy only. */
    protected LuceneVectorIndex() {
    }

    private CollectionPaths paths(Collection collection) {
        return CollectionPaths.of(dataDirectory, collection);
    }

    /** Commits every changed open index, merges the settled ones and closes the idle ones. Never throws. */
    void maintain() {
        long now = System.nanoTime();
        for (OpenIndexes.Key key : indexes.openKeys()) {
            CollectionIndex index = indexes.peek(key);
            if (index == null) {
                continue;
            }
            try {
                if (!idleTimeout.isZero() && now - index.lastUsedNanos() > idleTimeout.toNanos()) {
                    indexes.close(key);
                } else if (index.tryEnterQuietly()) {
                    boolean unmerged;
                    try {
                        index.commit();
                        index.mergeIfSettled(commitInterval, merges);
                        unmerged = index.isReadOnly() && index.worthMerging();
                    } finally {
                        index.exit();
                    }
                    if (unmerged) {
                        // closed before its merge and since opened to read only: reopen it with the writer,
                        // which merges it once settled
                        indexes.withWriter(index.collection(), reopened -> null);
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "background commit of collection " + key + " failed", e);
            }
        }
    }

    @PreDestroy
    public void close() {
        stopMaintenance();
        if (merges != null) {
            merges.shutdown(); // closing the indexes aborts a merge in progress
        }
        indexes.closeAll();
    }

    /** Stops the background commits and idle closes, waiting for one in progress. */
    void stopMaintenance() {
        if (maintenance != null) {
            maintenance.shutdown();
            try {
                maintenance.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    OpenIndexes openIndexes() {
        return indexes;
    }

    @Override
    public void create(Collection collection) {
        unsettle(collection);
        indexes.create(collection);
    }

    @Override
    public void drop(Collection collection) {
        CollectionPaths paths = paths(collection);
        indexes.closeAnd(collection, () -> deleteCollection(paths));
        settle(collection);
    }

    @Override
    public void unsettle(Collection collection) {
        unsettled.add(collection.ref(), collection.incarnation());
    }

    @Override
    public void settle(Collection collection) {
        unsettled.remove(collection.ref(), collection.incarnation());
    }

    /** Nothing is open at start: an unsettled incarnation the catalog does not name is deleted directly. */
    @Override
    public List<Unsettled> settleAll(Predicate<Unsettled> named) {
        List<Unsettled> deleted = new ArrayList<>();
        for (Unsettled note : unsettled.all()) {
            if (!named.test(note)) {
                deleteCollection(CollectionPaths.of(dataDirectory, note.ref(), note.incarnation()));
                deleted.add(note);
            }
            unsettled.remove(note.ref(), note.incarnation());
        }
        return deleted;
    }

    @Override
    public void move(Collection from, Collection to) {
        CollectionPaths fromPaths = paths(from);
        Path source = fromPaths.root();
        Path target = paths(to).root();
        indexes.closeAnd(to, () -> indexes.closeAnd(from, () -> {
            if (!Files.exists(source)) {
                return;
            }
            if (Files.exists(target)) {
                throw new ConflictException("collection '" + to.ref().name() + "' already exists on disk for tenant '"
                        + to.ref().tenant() + "'");
            }
            try {
                Files.createDirectories(target.getParent());
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
                fromPaths.removeNestingIfEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move " + source + " to " + target, e);
            }
        }));
    }

    /** Callers drop every collection first; what remains is the tenant's (empty) directory tree. */
    @Override
    public void dropTenant(TenantId tenant) {
        deleteTree(CollectionPaths.tenantRoot(dataDirectory, tenant));
    }

    /** Deletes the collection's directory tree, durably, and the old layout's {@code collections/} it emptied. */
    private static void deleteCollection(CollectionPaths paths) {
        deleteTree(paths.root());
        try {
            paths.removeNestingIfEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the emptied parent of " + paths.root(), e);
        }
    }

    /** Deletes {@code root} and everything under it, durably (the parent directory is fsynced). */
    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            IOUtils.rm(root);
            IOUtils.fsync(root.getParent(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    @Override
    public UsageChange upsert(Collection collection, List<Vector> vectors) {
        return indexes.withWriter(collection, index -> index.writes().upsert(vectors));
    }

    @Override
    public UsageChange upsert(Collection collection, List<Vector> vectors, Consumer<UsageChange> admission) {
        return indexes.withWriter(collection, index -> index.writes().upsert(vectors, admission));
    }

    @Override
    public Optional<Vector> get(Collection collection, VectorId id) {
        return indexes.with(collection, index -> index.reads().get(id));
    }

    @Override
    public UsageChange delete(Collection collection, List<VectorId> ids) {
        return indexes.withWriter(collection, index -> index.writes().delete(ids));
    }

    @Override
    public UsageChange deleteMatching(Collection collection, Filter filter) {
        return indexes.withWriter(collection, index -> index.writes().deleteMatching(filter));
    }

    @Override
    public List<ScoredPoint> search(Collection collection, VectorQuery query) {
        return indexes.with(collection, index -> index.reads().search(query));
    }

    @Override
    public List<ScoredPoint> searchText(Collection collection, TextQuery query) {
        return indexes.with(collection, index -> index.reads().searchText(query));
    }

    @Override
    public ScrollPage scroll(Collection collection, ScrollRequest request) {
        return indexes.with(collection, index -> index.reads().scroll(request));
    }

    /**
     * An open collection's stats come from its index; a closed one's from its last commit, which leaves
     * it closed and every open index as it was ({@link IndexOpening#statsOfClosed}): listing a tenant's
     * many collections neither opens them all nor closes other tenants' to make room.
     */
    @Override
    public CollectionStats stats(Collection collection) {
        return indexes.ifOpen(collection, index -> index.reads().stats())
                .or(() -> IndexOpening.statsOfClosed(paths(collection)))
                .orElseGet(() -> indexes.with(collection, index -> index.reads().stats()));
    }

    @Override
    public int openCount() {
        return indexes.openKeys().size();
    }
}
