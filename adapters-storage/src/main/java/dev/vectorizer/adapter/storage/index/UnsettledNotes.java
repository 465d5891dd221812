package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.application.port.out.VectorIndexPort.Unsettled;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The notes of collection incarnations whose files and catalog entry may disagree for a moment
 * (being created, restored or removed): one empty file per incarnation in {@code {data-dir}/unsettled/},
 * named {@code {tenant}.{collection}.{incarnation}} (neither a tenant id nor a collection name holds a
 * dot). One directory for all tenants, so that a start reads only the few notes a crash left, never
 * every tenant's directory. A note is made before the files or the catalog change and removed after
 * both agree; it needs to survive a killed process, not a power cut (the catalog's commits are not
 * fsynced either), so it costs a file creation and a deletion, no fsync.
 */
final class UnsettledNotes {

    private final Path dir;

    UnsettledNotes(DataDirectory dataDirectory) {
        this.dir = dataDirectory.root().resolve("unsettled");
    }

    private Path note(CollectionRef ref, Incarnation incarnation) {
        return dir.resolve(ref.tenant().value() + "." + ref.name().value() + "." + incarnation);
    }

    void add(CollectionRef ref, Incarnation incarnation) {
        Path note = note(ref, incarnation);
        try {
            try {
                Files.write(note, new byte[0]);
            } catch (NoSuchFileException firstNote) {
                Files.createDirectories(dir);
                Files.write(note, new byte[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot note " + note, e);
        }
    }

    void remove(CollectionRef ref, Incarnation incarnation) {
        Path note = note(ref, incarnation);
        try {
            Files.deleteIfExists(note);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + note, e);
        }
    }

    /** Every note; a file that is not one (not made by this class) is left alone. */
    List<Unsettled> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Unsettled> notes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> parse(f.getFileName().toString())).flatMap(Optional::stream).forEach(notes::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return notes;
    }

    private static Optional<Unsettled> parse(String name) {
        String[] parts = name.split("\\.");
        if (parts.length != 3 || !TenantId.isValid(parts[0]) || !parts[2].matches("[0-9a-f]{16}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Unsettled(new CollectionRef(new TenantId(parts[0]), new CollectionName(parts[1])),
                    new Incarnation(Long.parseUnsignedLong(parts[2], 16))));
        } catch (InvalidValueException notOurs) {
            return Optional.empty();
        }
    }
}
