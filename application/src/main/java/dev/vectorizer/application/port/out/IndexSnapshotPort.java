package dev.vectorizer.application.port.out;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionSpec;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * What backups need of the vector index: a collection's files at one point in time, taken while
 * writes go on, and a new collection incarnation built from such files.
 */
public interface IndexSnapshotPort {

    /**
     * The collection's state at this moment (every write acknowledged before the call, none after),
     * as files that stay unchanged until the snapshot is closed, whatever is written meanwhile. Holds
     * no lock of the collection once it returns and does not keep the collection open.
     */
    IndexSnapshot snapshot(Collection collection);

    /**
     * About the bytes a snapshot of the collection would take now, read from what is stored without
     * opening the collection (so checking a quota before a backup leaves an idle collection idle).
     */
    long estimateBytes(Collection collection);

    /**
     * A private place to put the files of a new incarnation of {@code collection}; nothing of it is
     * seen until {@link RestoringIndex#install}.
     */
    RestoringIndex restoring(Collection collection);

    /** One file of a snapshot. */
    record SnapshotFile(String name, long size) {
    }

    interface IndexSnapshot extends AutoCloseable {

        long vectorCount();

        List<SnapshotFile> files();

        InputStream open(SnapshotFile file);

        /** Releases the snapshot's files. */
        @Override
        void close();
    }

    interface RestoringIndex extends AutoCloseable {

        /** A new file of the index, written by the caller and closed. */
        OutputStream create(String fileName);

        /**
         * Fails with {@link dev.vectorizer.domain.InvalidValueException} unless the files are an index
         * of {@code spec} (dimension, similarity) holding exactly {@code vectorCount} vectors.
         *
         * @return the stored bytes of its vectors (what {@code max_storage_bytes} counts)
         */
        long verify(CollectionSpec spec, long vectorCount);

        /**
         * Puts the files in place as the incarnation's index, so that the collection can open; they
         * are unsettled ({@link VectorIndexPort#settleAll}) until {@link VectorIndexPort#settle}.
         */
        void install();

        /** Deletes the files unless installed. */
        @Override
        void close();
    }
}
