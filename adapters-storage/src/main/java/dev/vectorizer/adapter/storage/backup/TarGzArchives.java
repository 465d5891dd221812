package dev.vectorizer.adapter.storage.backup;

import dev.vectorizer.application.port.out.ArchiveCodecPort;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TooLargeException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Backup archives as gzip-compressed POSIX tar (Apache Commons Compress), readable by any
 * {@code tar xzf}. Written at the fastest deflate level: index files are mostly float vectors, which
 * higher levels barely shrink further. Reading checks the gzip CRC and length once the tar ends (a
 * corrupt or truncated archive fails, also in its last bytes), counts the unpacked bytes against the caller's limit as they come out
 * of the decompressor (so a gzip bomb stops at the limit) and reports every entry's kind, leaving
 * the judgement of names and kinds to the caller.
 */
@ApplicationScoped
public class TarGzArchives implements ArchiveCodecPort {

    @Override
    public ArchiveWriter writer(OutputStream out) {
        try {
            GzipParameters parameters = new GzipParameters();
            parameters.setCompressionLevel(Deflater.BEST_SPEED);
            // finished, never closed: out stays open
            GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(out, parameters);
            TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            return new ArchiveWriter() {
                @Override
                public void add(String path, long size, InputStream content) {
                    try {
                        TarArchiveEntry entry = new TarArchiveEntry(path);
                        entry.setSize(size);
                        tar.putArchiveEntry(entry);
                        content.transferTo(tar);
                        tar.closeArchiveEntry();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot add " + path + " to the archive", e);
                    }
                }

                @Override
                public void finish() {
                    try {
                        tar.finish();
                        gzip.finish();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot finish the archive", e);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the archive", e);
        }
    }

    @Override
    public ArchiveReader reader(InputStream in, long maxUnpackedBytes) {
        return new ArchiveReader() {
            private Unpacked unpacked;
            private TarArchiveInputStream tar;
            private boolean ended;

            @Override
            public Optional<Entry> next() {
                try {
                    if (ended) {
                        return Optional.empty();
                    }
                    if (tar == null) {
                        unpacked = new Unpacked(new GzipCompressorInputStream(in), maxUnpackedBytes);
                        tar = new TarArchiveInputStream(unpacked);
                    }
                    TarArchiveEntry entry = tar.getNextEntry();
                    if (entry == null) {
                        // tar stops at its end-of-archive blocks; only reading gzip to its end checks its CRC and length
                        unpacked.transferTo(OutputStream.nullOutputStream());
                        ended = true;
                        return Optional.empty();
                    }
                    return Optional.of(new Entry(entry.getName(), kind(entry), entry.getSize(), new Content(tar)));
                } catch (InvalidValueException limit) {
                    throw limit; // over the unpacked limit
                } catch (IOException | IllegalArgumentException e) {
                    throw corrupt(e); // commons-compress refuses malformed header fields with IllegalArgumentException
                }
            }
        };
    }

    private static Kind kind(TarArchiveEntry entry) {
        if (entry.isSymbolicLink() || entry.isLink()) {
            return Kind.LINK;
        }
        if (entry.isDirectory()) {
            return Kind.DIRECTORY;
        }
        return entry.isFile() ? Kind.FILE : Kind.OTHER;
    }

    private static InvalidValueException corrupt(Exception e) {
        return new InvalidValueException("the archive is not a well-formed gzip-compressed tar, or it is truncated: " + e.getMessage());
    }

    /** The decompressed bytes, refused past the limit. */
    private static final class Unpacked extends FilterInputStream {
        private final long max;
        private long count;

        Unpacked(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(0, n));
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > max) {
                throw new TooLargeException("the archive unpacks to more than " + max + " bytes");
            }
        }
    }

    /** The current entry's bytes; a failure to read them means the archive is corrupt or cut short. */
    private static final class Content extends FilterInputStream {

        Content(InputStream tar) {
            super(tar);
        }

        @Override
        public int read() {
            try {
                return in.read();
            } catch (IOException e) {
                throw corrupt(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            try {
                return in.read(buffer, offset, length);
            } catch (IOException e) {
                throw corrupt(e);
            }
        }

        @Override
        public void close() {
            // the archive stays open for the next entry
        }
    }
}
