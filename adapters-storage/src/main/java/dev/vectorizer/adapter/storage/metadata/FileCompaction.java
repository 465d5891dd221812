package dev.vectorizer.adapter.storage.metadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.lucene.util.IOUtils;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;

/**
 * Keeps the H2 file near the size of its live data while the server runs, by doing what H2's
 * background writer would do if {@code WRITE_DELAY=0} did not switch it off (H2 2.2.224:
 * {@code FileStore.setAutoCommitDelay(0)} stops the thread whose {@code doHousekeeping} rewrites
 * sparse chunks). Every commit writes a new chunk; a chunk is reused only once none of its pages is
 * live, and one small page left live (a table leaf nobody changes again) keeps a whole chunk, so
 * without rewriting them such chunks add up with every tenant created.
 * <p>
 * Each pass is {@link MVStore#compact(int, int)}: it copies the live pages of the sparsest chunks into
 * the next commit, after which H2 frees those chunks and reuses their space. It honours H2's
 * retention time (45 s: chunks younger than that are neither rewritten nor overwritten, so the file
 * also holds ~45 s of metadata writes) and never moves or overwrites a chunk in place, unlike
 * {@link MVStore#compactFile(int)}, which H2 runs at close and which sets the retention time to 0 for
 * good (reported to corrupt files while running). A committed transaction thus reaches the file
 * exactly as before and survives {@code kill -9}.
 * <p>
 * What the retention window leaves is rewritten when the database closes ({@link #closeDatabase}).
 */
final class FileCompaction implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FileCompaction.class.getName());

    /** H2's own default AUTO_COMPACT_FILL_RATE: rewrite while less than this percentage of the chunks is live. */
    static final int FILL_RATE = 90;

    /** Live bytes copied per pass at most, so that a pass stays short beside the requests' commits. */
    static final int BYTES_PER_PASS = 4 << 20;

    /** A file at least this long, and at most a quarter live, is rewritten when the database closes. */
    static final long REWRITE_MIN_BYTES = 64L << 20;

    private final DataSource database;
    private final ScheduledExecutorService schedule;
    private final AtomicBoolean failedBefore = new AtomicBoolean();

    FileCompaction(DataSource database, Duration period) {
        this.database = database;
        this.schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vectorizer-metadata-compaction");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(this::pass, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pass; never throws, so that the schedule goes on. */
    private void pass() {
        try {
            compactOnce(database);
        } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
            // The store may be closing; the next pass tries again. Said once, so that a pass that can never run is seen.
            LOG.log(failedBefore.getAndSet(true) ? Level.FINE : Level.WARNING, "metadata file compaction pass failed", e);
        }
    }

    /** Rewrites the live pages of the sparsest chunks, if the file is sparse enough, and commits them. */
    static boolean compactOnce(DataSource database) throws SQLException, ReflectiveOperationException {
        try (Connection connection = database.getConnection()) {
            MVStore store = mvStore(connection.unwrap(JdbcConnection.class));
            if (store.compact(FILL_RATE, BYTES_PER_PASS)) {
                store.commit();
                return true;
            }
            return false;
        }
    }

    /**
     * Closes the database and disposes of {@code pool}; then, if the file was at least {@code rewriteMinBytes} long
     * and at most a quarter live, rewrites it with its live pages only. While the server runs the file holds the 45 s
     * retention window of commits (with 100,000 tenants created at 60 per second: 2 GB, a few percent live), and
     * H2's compaction at close runs for 200 ms, which does not reach such a file; a longer one would run to its
     * limit on small files too (docs/PERFORMANCE.md). The rewrite is H2's {@code SHUTDOWN COMPACT} made durable
     * and done only when worth it: the live pages are copied to H2's temporary file (which H2 deletes when it opens
     * the database, should a crash leave it), forced to disk, and atomically put in the file's place. It takes
     * about as long as reading the live data. Never throws: a failure is logged and leaves the file as it was.
     */
    static void closeDatabase(JdbcConnectionPool pool, Path file, long rewriteMinBytes) {
        boolean rewrite = false;
        try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
            boolean sparse = isSparse(mvStore(connection.unwrap(JdbcConnection.class)).getFileStore(), rewriteMinBytes);
            pool.dispose(); // from here on nothing reopens the database
            sql.execute("SHUTDOWN");
            rewrite = sparse;
        } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "closing the metadata database failed", e);
        } finally {
            pool.dispose();
        }
        if (rewrite) {
            try {
                rewrite(file);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "rewriting the metadata file " + file + " with its live data failed; it stays as it was", e);
            }
        }
    }

    private static boolean isSparse(FileStore<?> file, long minBytes) {
        long size = file.size();
        // the blocks chunks take, times the share of live pages in the chunks
        long live = size * file.getFillRate() / 100 * file.getChunksFillRate() / 100;
        return size >= minBytes && live <= size / 4;
    }

    private static void rewrite(Path file) throws IOException {
        Path copy = Path.of(file + ".tempFile"); // H2's name: MVStoreTool.compactCleanUp deletes it at open
        long before = Files.size(file);
        long start = System.nanoTime();
        MVStoreTool.compact(file.toString(), copy.toString(), true); // deletes a copy a crash left first
        IOUtils.fsync(copy, false);
        Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        IOUtils.fsync(file.getParent(), true);
        long after = Files.size(file);
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info(() -> "rewrote the metadata file " + file + " with its live data: " + (before >> 10) + " KiB before, "
                + (after >> 10) + " KiB now, in " + millis + " ms");
    }

    /**
     * The database's MVStore: {@code getSession().getDatabase().getStore().getMvStore()}, called by
     * reflection because Payara's H2 bundle (which serves our JDBC classes) exports {@code org.h2.jdbc}
     * and {@code org.h2.mvstore} but not {@code org.h2.engine} or {@code org.h2.mvstore.db}: naming
     * those classes here would load the application's own copies and fail the cast.
     */
    private static MVStore mvStore(JdbcConnection connection) throws ReflectiveOperationException {
        Object target = connection;
        for (String getter : new String[] {"getSession", "getDatabase", "getStore", "getMvStore"}) {
            target = target.getClass().getMethod(getter).invoke(target);
        }
        return (MVStore) target;
    }

    /**
     * Stops the schedule and waits for a pass in progress, before the database closes. Not by
     * interrupting it: an interrupt in file I/O closes H2's file channel.
     */
    @Override
    public void close() {
        schedule.shutdown();
        try {
            schedule.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
