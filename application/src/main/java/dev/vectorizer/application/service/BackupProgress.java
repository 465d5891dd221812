package dev.vectorizer.application.service;

import dev.vectorizer.application.port.out.BackupCatalogPort;
import dev.vectorizer.domain.backup.Backup;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/** Counts the bytes a running backup has worked through and records its progress about once a second. */
final class BackupProgress {

    private static final long INTERVAL = TimeUnit.SECONDS.toNanos(1);

    private final BackupCatalogPort catalog;
    private final Backup backup;
    private final long total;
    private long done;
    private long recordedAt = System.nanoTime();

    BackupProgress(BackupCatalogPort catalog, Backup backup, long total) {
        this.catalog = catalog;
        this.backup = backup;
        this.total = Math.max(1, total);
    }

    void advance(long bytes) {
        done += bytes;
        long now = System.nanoTime();
        if (now - recordedAt >= INTERVAL) {
            recordedAt = now;
            // short of 1: only the finished backup is complete
            catalog.update(backup.withProgress(Math.min(0.99, (double) done / total)));
        }
    }

    /** {@code in}, counting what is read from it. */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    advance(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    advance(n);
                }
                return n;
            }
        };
    }
}
