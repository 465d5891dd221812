package dev.vectorizer.application.service;

import dev.vectorizer.domain.TooLargeException;
import dev.vectorizer.domain.backup.Checksums;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * An upload's bytes as they are read: each byte read is also written to the store and hashed, and
 * more than {@code maxBytes} is refused, so the archive is checked, kept and measured in one pass.
 */
final class UploadedArchive extends FilterInputStream {

    private final OutputStream copy;
    private final long maxBytes;
    private final MessageDigest digest = Checksums.sha256();
    private long count;
    private String sha256;

    UploadedArchive(InputStream in, OutputStream copy, long maxBytes) {
        super(in);
        this.copy = copy;
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            count += n;
            if (count > maxBytes) {
                throw new TooLargeException("the archive is larger than " + maxBytes + " bytes");
            }
            copy.write(buffer, offset, n);
            digest.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return Math.max(0, read(new byte[(int) Math.max(0, Math.min(n, 8192))]));
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads what the archive reader left (padding after the archive's end), so that all of the upload is kept and hashed. */
    void drain() throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (read(buffer, 0, buffer.length) >= 0) {
            // counted, copied and hashed by read
        }
    }

    long count() {
        return count;
    }

    /** The SHA-256 of every byte read; call once all are read ({@link #drain}). */
    String sha256() {
        if (sha256 == null) {
            sha256 = Checksums.hex(digest);
        }
        return sha256;
    }
}
