package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.application.port.out.IndexSnapshotPort;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * Snapshots and restores of collection indexes, for backups. A snapshot is the files of a fresh
 * commit, hard-linked into {@code {data-dir}/tmp/snapshots/{random}/} ({@link CollectionIndex#snapshotInto}),
 * so it costs no copy and pins nothing in the live index once taken; a collection that was not open
 * is closed again afterwards. A restore writes an index into {@code {data-dir}/tmp/restore/{random}/index/},
 * checks it with Lucene, and moves the directory into place as the new incarnation's directory (a
 * rename, so a collection directory is either absent or complete), noted as unsettled until its
 * catalog entry is made. What a crash leaves under {@code tmp/} is deleted at the next start (backups
 * start only after it); an installed incarnation whose catalog entry never came, by
 * {@link LuceneVectorIndex#settleAll}.
 */
@ApplicationScoped
public class LuceneSnapshots implements IndexSnapshotPort {

    private LuceneVectorIndex indexes;
    private DataDirectory dataDirectory;
    private Path work;

    @Inject
    public LuceneSnapshots(LuceneVectorIndex indexes, DataDirectory dataDirectory) {
        this.indexes = indexes;
        this.dataDirectory = dataDirectory;
        this.work = dataDirectory.root().resolve("tmp");
        try {
            IOUtils.rm(work); // a crash's leftovers: nobody uses them
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + work, e);
        }
    }

    /** For the CDI client proxy only. */
    protected LuceneSnapshots() {
    }

    /** Makes the bean at start, which deletes what a crash left under {@code tmp/}. */
    void cleanOnStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the constructor did the work
    }

    private Path fresh(String kind) throws IOException {
        return Files.createDirectories(work.resolve(kind).resolve(UUID.randomUUID().toString()));
    }

    @Override
    public IndexSnapshot snapshot(Collection collection) {
        Path dir = null;
        try {
            Path target = dir = fresh("snapshots");
            long vectors = indexes.openIndexes().withoutKeepingOpen(collection, index -> {
                try {
                    return index.snapshotInto(target);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            List<SnapshotFile> files;
            try (Stream<Path> listing = Files.list(dir)) {
                files = listing.sorted().map(p -> new SnapshotFile(p.getFileName().toString(), size(p))).toList();
            }
            return new Snapshot(dir, vectors, files);
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e instanceof IOException io ? new UncheckedIOException("cannot snapshot collection " + collection.ref(), io) : (RuntimeException) e;
        }
    }

    /** The sizes of the index and translog files: what a snapshot commits and links, give or take a merge. */
    @Override
    public long estimateBytes(Collection collection) {
        CollectionPaths paths = CollectionPaths.of(dataDirectory, collection);
        return sizeOfFiles(paths.index()) + (paths.split() ? sizeOfFiles(paths.translog()) : 0);
    }

    private static long sizeOfFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            long bytes = 0;
            for (Path file : files.toList()) {
                try {
                    bytes += Files.isRegularFile(file) ? Files.size(file) : 0;
                } catch (NoSuchFileException deletedMeanwhile) {
                    // a merge or a commit removed it: it is not part of what a snapshot takes
                }
            }
            return bytes;
        } catch (NoSuchFileException | NotDirectoryException none) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot size " + dir, e);
        }
    }

    @Override
    public RestoringIndex restoring(Collection collection) {
        try {
            return new Restoring(fresh("restore"), CollectionPaths.of(dataDirectory, collection), () -> indexes.unsettle(collection));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the restore of " + collection.ref(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        if (dir != null) {
            try {
                IOUtils.rm(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + dir, e);
            }
        }
    }

    private record Snapshot(Path dir, long vectorCount, List<SnapshotFile> files) implements IndexSnapshot {

        @Override
        public InputStream open(SnapshotFile file) {
            try {
                return Files.newInputStream(dir.resolve(file.name()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            delete(dir);
        }
    }

    private static final class Restoring implements RestoringIndex {

        private final Path staging;
        private final CollectionPaths target;
        private final Runnable unsettle;
        private boolean installed;

        /** {@code unsettle} notes the incarnation before its files are moved into place. */
        Restoring(Path staging, CollectionPaths target, Runnable unsettle) throws IOException {
            this.staging = staging;
            this.target = target;
            this.unsettle = unsettle;
            Files.createDirectories(index());
        }

        private Path index() {
            return staging.resolve("index");
        }

        @Override
        public OutputStream create(String fileName) {
            Path file = index().resolve(fileName).normalize();
            if (!index().equals(file.getParent())) {
                throw new InvalidValueException("index file name '" + fileName + "' is not allowed");
            }
            try {
                return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public long verify(CollectionSpec spec, long vectorCount) {
            try (Directory directory = new NIOFSDirectory(index()); DirectoryReader reader = DirectoryReader.open(directory)) {
                InvalidValueException.require(reader.numDocs() == vectorCount,
                        "the index holds " + reader.numDocs() + " vectors, the manifest says " + vectorCount);
                VectorSpace space = CommitData.spaceOf(reader.getIndexCommit().getUserData(), spec.metric());
                FieldInfo vectors = FieldInfos.getMergedFieldInfos(reader).fieldInfo(VectorDocuments.VECTOR);
                if (vectors != null) {
                    InvalidValueException.require(vectors.getVectorDimension() == spec.dimension(),
                            "the index holds vectors of dimension " + vectors.getVectorDimension() + ", the manifest says " + spec.dimension());
                    InvalidValueException.require(vectors.getVectorSimilarityFunction() == space.similarity(),
                            "the index's vector similarity does not fit metric " + spec.metric().wireName());
                } else {
                    InvalidValueException.require(vectorCount == 0, "the index holds no vector field");
                }
                return StoredSizes.total(new IndexSearcher(reader));
            } catch (IOException | RuntimeException e) {
                if (e instanceof InvalidValueException invalid) {
                    throw invalid;
                }
                throw new InvalidValueException("the archive's index files are not a readable index: " + e.getMessage());
            }
        }

        @Override
        public void install() {
            try {
                try (Stream<Path> files = Files.list(index())) {
                    for (Path file : files.toList()) {
                        IOUtils.fsync(file, false);
                    }
                }
                IOUtils.fsync(index(), true);
                Files.createDirectories(staging.resolve("translog"));
                Files.createDirectories(target.root().getParent());
                unsettle.run(); // until the catalog names it: a crash before then leaves it to the next start
                Files.move(staging, target.root(), StandardCopyOption.ATOMIC_MOVE);
                IOUtils.fsync(target.root().getParent(), true);
                installed = true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot install the restored index at " + target.root(), e);
            }
        }

        @Override
        public void close() {
            if (!installed) {
                delete(staging);
            }
        }
    }
}
