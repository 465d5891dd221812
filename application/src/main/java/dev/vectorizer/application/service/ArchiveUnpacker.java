package dev.vectorizer.application.service;

import dev.vectorizer.application.port.out.ArchiveCodecPort;
import dev.vectorizer.application.port.out.ArchiveCodecPort.ArchiveReader;
import dev.vectorizer.application.port.out.ArchiveCodecPort.Entry;
import dev.vectorizer.application.port.out.IndexSnapshotPort.RestoringIndex;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TooLargeException;
import dev.vectorizer.domain.backup.ArchiveFile;
import dev.vectorizer.domain.backup.ArchivePath;
import dev.vectorizer.domain.backup.BackupManifest;
import dev.vectorizer.domain.backup.Checksums;
import dev.vectorizer.domain.json.BackupManifestJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a backup archive and holds it to its manifest: the manifest comes first and has a known
 * format; every other entry is a regular file at an allowed path ({@link ArchivePath}) that the
 * manifest lists, once, with the listed size and SHA-256; no listed file is missing. Files of the
 * collections being restored go into their {@link RestoringIndex}; the others are checked and dropped.
 */
final class ArchiveUnpacker {

    private ArchiveUnpacker() {
    }

    /** The manifest, refused if the files it lists unpack to more than {@code maxUnpackedBytes}. */
    static BackupManifest readManifest(ArchiveReader reader, long maxUnpackedBytes) {
        BackupManifest manifest = readManifest(reader);
        if (manifest.bytes() > maxUnpackedBytes) {
            throw new TooLargeException("the archive unpacks to " + manifest.bytes() + " bytes, more than " + maxUnpackedBytes);
        }
        return manifest;
    }

    private static BackupManifest readManifest(ArchiveReader reader) {
        Entry first = reader.next().orElseThrow(() -> new InvalidValueException("the archive is empty"));
        InvalidValueException.require(first.kind() == ArchiveCodecPort.Kind.FILE && ArchivePath.MANIFEST.equals(first.path()),
                "the archive's first entry must be " + ArchivePath.MANIFEST);
        InvalidValueException.require(first.size() <= BackupManifestJson.MAX_BYTES, "the manifest is larger than " + BackupManifestJson.MAX_BYTES + " bytes");
        try {
            return BackupManifestJson.read(first.content().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every remaining entry, verifying it, and writes the files of {@code into}'s collections there. */
    static void unpack(ArchiveReader reader, BackupManifest manifest, Map<CollectionName, RestoringIndex> into) {
        Set<ArchivePath> seen = new HashSet<>();
        for (var next = reader.next(); next.isPresent(); next = reader.next()) {
            Entry entry = next.get();
            InvalidValueException.require(entry.kind() == ArchiveCodecPort.Kind.FILE,
                    "archive entry '" + entry.path() + "' is a " + entry.kind().name().toLowerCase(java.util.Locale.ROOT) + "; only files are allowed");
            ArchivePath path = ArchivePath.parse(entry.path());
            ArchiveFile listed = manifest.collection(path.collection()).flatMap(c -> c.file(path))
                    .orElseThrow(() -> new InvalidValueException("archive entry '" + path + "' is not in the manifest"));
            InvalidValueException.require(seen.add(path), "archive entry '" + path + "' appears twice");
            InvalidValueException.require(entry.size() == listed.size(),
                    "archive entry '" + path + "' has " + entry.size() + " bytes, the manifest says " + listed.size());
            RestoringIndex target = into.get(path.collection());
            String sha256 = copy(entry.content(), target == null ? OutputStream.nullOutputStream() : target.create(path.file()));
            InvalidValueException.require(sha256.equals(listed.sha256()), "archive entry '" + path + "' does not match its SHA-256 in the manifest");
        }
        manifest.collections().stream().flatMap(c -> c.files().stream()).filter(f -> !seen.contains(f.path())).findFirst()
                .ifPresent(missing -> {
                    throw new InvalidValueException("the archive lacks '" + missing.path() + "', which its manifest lists (truncated?)");
                });
    }

    private static String copy(InputStream content, OutputStream target) {
        MessageDigest digest = Checksums.sha256();
        try (OutputStream out = new DigestOutputStream(target, digest)) {
            content.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Checksums.hex(digest);
    }
}
