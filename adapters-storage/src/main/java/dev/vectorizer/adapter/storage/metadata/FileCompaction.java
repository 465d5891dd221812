package dev.vectorizer.adapter.storage.metadata;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

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
 */
final class FileCompaction implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FileCompaction.class.getName());

    /** H2's own default AUTO_COMPACT_FILL_RATE: rewrite while less than this percentage of the chunks is live. */
    static final int FILL_RATE = 90;

    /** Live bytes copied per pass at most, so that a pass stays short beside the requests' commits. */
    static final int BYTES_PER_PASS = 4 << 20;

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
