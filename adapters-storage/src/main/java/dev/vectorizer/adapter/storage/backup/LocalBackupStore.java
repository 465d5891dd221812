package dev.vectorizer.adapter.storage.backup;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.application.port.out.BackupStorePort;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.backup.BackupId;
import dev.vectorizer.domain.backup.BackupNotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.apache.lucene.util.IOUtils;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Backup archives as files: {@code {dir}/{tenant}/{backup id}.tar.gz}, where {@code dir} is
 * {@code vectorizer.backup.directory} or, by default, {@code {data-dir}/backups}. An archive is
 * written as {@code {id}.tar.gz.partial}, fsynced and renamed into place on commit, so a committed
 * archive is whole and a crash leaves only a {@code .partial} file, which
 * {@link #discardLeftovers} deletes at the next start (with any archive whose catalog record never
 * committed). Paths are built from validated ids only.
 */
@ApplicationScoped
public class LocalBackupStore implements BackupStorePort {

    private static final String SUFFIX = ".tar.gz";
    private static final String PARTIAL = ".partial";

    private Path root;

    @Inject
    public LocalBackupStore(DataDirectory dataDirectory, @ConfigProperty(name = "vectorizer.backup.directory") Optional<String> directory) {
        this.root = directory.filter(d -> !d.isBlank()).map(Path::of).orElse(dataDirectory.root().resolve("backups")).toAbsolutePath().normalize();
    }

    /** For the CDI client proxy only. */
    protected LocalBackupStore() {
    }

    private Path tenantDirectory(TenantId tenant) {
        return root.resolve(tenant.value());
    }

    private Path archive(TenantId tenant, BackupId id) {
        return tenantDirectory(tenant).resolve(id.value() + SUFFIX);
    }

    @Override
    public PendingArchive create(TenantId tenant, BackupId id) {
        Path target = archive(tenant, id);
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
        try {
            Files.createDirectories(target.getParent());
            return new PendingFile(FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), partial, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + partial, e);
        }
    }

    @Override
    public InputStream open(TenantId tenant, BackupId id, long offset) {
        try {
            FileChannel channel = FileChannel.open(archive(tenant, id), StandardOpenOption.READ);
            channel.position(offset);
            return Channels.newInputStream(channel);
        } catch (NoSuchFileException e) {
            throw BackupNotFound.of(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(TenantId tenant, BackupId id) {
        Path target = archive(tenant, id);
        try {
            Files.deleteIfExists(target);
            Files.deleteIfExists(target.resolveSibling(target.getFileName() + PARTIAL));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + target, e);
        }
    }

    @Override
    public void deleteTenant(TenantId tenant) {
        try {
            IOUtils.rm(tenantDirectory(tenant));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the backups of tenant " + tenant, e);
        }
    }

    /** Only {@code {tenant}/{id}.tar.gz[.partial]} files are considered: anything else in the directory is not ours to delete. */
    @Override
    public List<String> discardLeftovers(BiPredicate<TenantId, BackupId> known) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> deleted = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path file : files.filter(f -> f.getNameCount() == root.getNameCount() + 2 && Files.isRegularFile(f)).toList()) {
                String tenant = file.getParent().getFileName().toString();
                String name = file.getFileName().toString();
                boolean partial = name.endsWith(SUFFIX + PARTIAL);
                String id = name.substring(0, Math.max(0, name.length() - (partial ? SUFFIX.length() + PARTIAL.length() : SUFFIX.length())));
                if (!TenantId.isValid(tenant) || !(partial || name.endsWith(SUFFIX)) || !BackupId.isValid(id)) {
                    continue;
                }
                if (partial || !known.test(new TenantId(tenant), new BackupId(id))) {
                    Files.deleteIfExists(file);
                    deleted.add((partial ? "the unfinished archive " : "the archive ") + root.relativize(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + root, e);
        }
        return deleted;
    }

    private static final class PendingFile implements PendingArchive {
        private final FileChannel channel;
        private final OutputStream stream;
        private final Path partial;
        private final Path target;
        private boolean committed;

        PendingFile(FileChannel channel, Path partial, Path target) {
            this.channel = channel;
            this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), 256 * 1024);
            this.partial = partial;
            this.target = target;
        }

        @Override
        public OutputStream stream() {
            return stream;
        }

        @Override
        public void commit() {
            try {
                stream.flush();
                channel.force(true);
                channel.close();
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                IOUtils.fsync(target.getParent(), true);
                committed = true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot commit " + target, e);
            }
        }

        @Override
        public void close() {
            if (!committed) {
                try {
                    channel.close();
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot discard " + partial, e);
                }
            }
        }
    }
}
