package dev.vectorizer.application.service;

import dev.vectorizer.application.port.out.ArchiveCodecPort;
import dev.vectorizer.application.port.out.BackupCatalogPort;
import dev.vectorizer.application.port.out.BackupStorePort;
import dev.vectorizer.application.port.out.IndexSnapshotPort;
import dev.vectorizer.application.port.out.IndexSnapshotPort.IndexSnapshot;
import dev.vectorizer.application.port.out.IndexSnapshotPort.SnapshotFile;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.backup.ArchiveFile;
import dev.vectorizer.domain.backup.ArchivePath;
import dev.vectorizer.domain.backup.Backup;
import dev.vectorizer.domain.backup.BackupManifest;
import dev.vectorizer.domain.backup.Checksums;
import dev.vectorizer.domain.json.BackupManifestJson;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One backup being made, in the background: a snapshot of every collection (each at one point in
 * time, taken one after the other), the SHA-256 of every file, then the archive (manifest first)
 * written to the store while its own SHA-256 is computed. The archive is committed, then the record
 * becomes ready; a failure or a crash in between leaves the record running (failed at the next
 * start) or failed, and the archive discarded, so no half backup is ever ready.
 */
final class BackupRun implements Runnable {

    private static final Logger LOG = Logger.getLogger(BackupRun.class.getName());

    private final Backup backup;
    private final List<Collection> collections;
    private final BackupCatalogPort catalog;
    private final BackupStorePort store;
    private final IndexSnapshotPort snapshots;
    private final ArchiveCodecPort codec;
    private final BackupRetention retention;

    BackupRun(Backup backup, List<Collection> collections, BackupPorts ports, BackupRetention retention) {
        this.backup = backup;
        this.collections = List.copyOf(collections);
        this.catalog = ports.catalog;
        this.store = ports.store;
        this.snapshots = ports.snapshots;
        this.codec = ports.codec;
        this.retention = retention;
    }

    @Override
    public void run() {
        List<IndexSnapshot> taken = new ArrayList<>();
        try {
            for (Collection collection : collections) {
                taken.add(snapshots.snapshot(collection));
            }
            Backup ready = write(taken);
            if (!catalog.update(ready)) {
                store.delete(backup.owner(), backup.id()); // deleted meanwhile (its tenant, say)
                return;
            }
            retention.prune(backup.owner());
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "backup " + backup.id() + " of tenant " + backup.owner() + " failed", e);
            store.delete(backup.owner(), backup.id());
            catalog.update(backup.failed());
        } finally {
            taken.forEach(IndexSnapshot::close);
        }
    }

    private Backup write(List<IndexSnapshot> taken) {
        long bytes = taken.stream().flatMap(s -> s.files().stream()).mapToLong(SnapshotFile::size).sum();
        BackupProgress progress = new BackupProgress(catalog, backup, 2 * bytes); // read twice: to hash, to archive
        List<BackupManifest.Entry> entries = new ArrayList<>();
        for (int i = 0; i < taken.size(); i++) {
            IndexSnapshot snapshot = taken.get(i);
            Collection collection = collections.get(i);
            List<ArchiveFile> files = new ArrayList<>();
            for (SnapshotFile file : snapshot.files()) {
                files.add(new ArchiveFile(new ArchivePath(collection.ref().name(), file.name()), file.size(),
                        sha256(progress.counting(snapshot.open(file)))));
            }
            entries.add(new BackupManifest.Entry(collection.ref().name(), collection.spec(), collection.createdAt(), snapshot.vectorCount(), files));
        }
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT_VERSION, backup.owner(), backup.createdAt(), entries);
        try (BackupStorePort.PendingArchive pending = store.create(backup.owner(), backup.id())) {
            Measured out = new Measured(pending.stream());
            ArchiveCodecPort.ArchiveWriter writer = codec.writer(out);
            byte[] manifestBytes = BackupManifestJson.write(manifest);
            writer.add(ArchivePath.MANIFEST, manifestBytes.length, new ByteArrayInputStream(manifestBytes));
            for (int i = 0; i < taken.size(); i++) {
                for (SnapshotFile file : taken.get(i).files()) {
                    try (InputStream in = progress.counting(taken.get(i).open(file))) {
                        writer.add(new ArchivePath(collections.get(i).ref().name(), file.name()).toString(), file.size(), in);
                    }
                }
            }
            writer.finish();
            out.flush();
            pending.commit();
            return backup.ready(manifest.vectorCount(), out.count, Checksums.hex(out.digest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(InputStream in) {
        MessageDigest digest = Checksums.sha256();
        try (in) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return Checksums.hex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts and hashes what passes into the store. */
    private static final class Measured extends FilterOutputStream {
        private final MessageDigest digest = Checksums.sha256();
        private long count;

        Measured(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            count += len;
        }
    }
}
