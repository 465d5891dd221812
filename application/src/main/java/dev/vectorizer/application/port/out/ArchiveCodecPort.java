package dev.vectorizer.application.port.out;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The container format of backup archives (a gzip-compressed tar). It knows entries and bytes, not
 * what they mean: which entries an archive may hold is the application's rule.
 */
public interface ArchiveCodecPort {

    /** Writes an archive into {@code out} (not closed by it). */
    ArchiveWriter writer(OutputStream out);

    /**
     * Reads an archive from {@code in}. A stream that is not a well-formed archive, or ends early, is
     * an {@link dev.vectorizer.domain.InvalidValueException} (while reading entries or their content);
     * unpacking more than {@code maxUnpackedBytes} is a {@link dev.vectorizer.domain.TooLargeException}.
     */
    ArchiveReader reader(InputStream in, long maxUnpackedBytes);

    interface ArchiveWriter {

        /** Adds a regular file of exactly {@code size} bytes read from {@code content}. */
        void add(String path, long size, InputStream content);

        /** Ends the archive (the stream is left open). */
        void finish();
    }

    interface ArchiveReader {

        /** The next entry, or empty at the archive's end; the previous entry's content is skipped if unread. */
        Optional<Entry> next();
    }

    enum Kind { FILE, DIRECTORY, LINK, OTHER }

    /** An entry: its name as written in the archive, its kind, its size and (for a file) its content. */
    record Entry(String path, Kind kind, long size, InputStream content) {
    }
}
