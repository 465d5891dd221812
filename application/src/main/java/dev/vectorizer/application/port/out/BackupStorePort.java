package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.backup.BackupId;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Where backup archives are kept: by default files under {@code {data-dir}/backups/{tenant}/}; an
 * object store can take its place. An archive becomes visible only when its writing is committed,
 * whole; one abandoned midway (also by a crash) never is.
 */
public interface BackupStorePort {

    /** Starts writing the archive of a backup. */
    PendingArchive create(TenantId tenant, BackupId id);

    /** The committed archive's bytes from {@code offset}; not found if there is none. */
    InputStream open(TenantId tenant, BackupId id, long offset);

    /** Deletes the archive if there is one. */
    void delete(TenantId tenant, BackupId id);

    /** Deletes every archive of the tenant. */
    void deleteTenant(TenantId tenant);

    /**
     * Deletes what a crash left: archives whose writing never finished, and committed archives that
     * {@code known} does not accept (their catalog record never committed, or its removal did but the
     * archive's did not). Call at start, before any backup or upload starts.
     *
     * @return a description of each archive deleted, for the log
     */
    List<String> discardLeftovers(BiPredicate<TenantId, BackupId> known);

    /** An archive being written: nothing of it is visible until {@link #commit}; closing without commit discards it. */
    interface PendingArchive extends AutoCloseable {

        OutputStream stream();

        /** Makes the archive durable and visible, whole. */
        void commit();

        @Override
        void close();
    }
}
