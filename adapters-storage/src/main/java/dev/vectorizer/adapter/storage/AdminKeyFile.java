package dev.vectorizer.adapter.storage;

import dev.vectorizer.application.port.out.AdminKeyFilePort;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.Logger;

/** Writes the first administrator key to {@code {data-dir}/admin.key}, readable by its owner only. */
@ApplicationScoped
public class AdminKeyFile implements AdminKeyFilePort {

    private static final Logger LOG = Logger.getLogger(AdminKeyFile.class.getName());

    private final DataDirectory dataDirectory;

    @Inject
    public AdminKeyFile(DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    /** For the CDI client proxy only. */
    protected AdminKeyFile() {
        this(null);
    }

    @Override
    public void publish(ApiKeySecret secret) {
        Path file = dataDirectory.root().resolve("admin.key");
        try {
            Files.deleteIfExists(file);
            Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            // Owner-only from the moment the file exists, not after a chmod.
            try (FileChannel channel = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : FileChannel.open(file, options)) {
                channel.write(ByteBuffer.wrap((secret.reveal() + "\n").getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            LOG.info("Installation administrator key written to " + file + " (readable by its owner only)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
