package dev.vectorizer.bench.harness;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Backup archives (tar + gzip) taken apart and put together again, entries written exactly as given
 * (absolute names, links, special files), so harnesses and tests can send broken ones.
 */
public final class TarGz {

    /** One entry: a file, or a link or special file ({@code type} a tar type flag). */
    public record Entry(String name, byte[] content, byte type, String linkTarget) {

        public static Entry file(String name, byte[] content) {
            return new Entry(name, content, TarArchiveEntry.LF_NORMAL, null);
        }

        public static Entry link(String name, String target) {
            return new Entry(name, new byte[0], TarArchiveEntry.LF_SYMLINK, target);
        }

        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private TarGz() {
    }

    /** The entries of a tar.gz archive, each read as a file. */
    public static List<Entry> read(byte[] archive) {
        List<Entry> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.add(Entry.file(entry.getName(), tar.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    public static byte[] write(List<Entry> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Entry item : entries) {
                TarArchiveEntry entry = new TarArchiveEntry(item.name(), item.type(), true); // the name as given, absolute or not
                if (item.linkTarget() != null) {
                    entry.setLinkName(item.linkTarget());
                }
                entry.setSize(item.content().length);
                tar.putArchiveEntry(entry);
                tar.write(item.content());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The entries with the one named {@code name} replaced by {@code replacement}. */
    public static List<Entry> replace(List<Entry> entries, String name, Entry replacement) {
        return entries.stream().map(e -> e.name().equals(name) ? replacement : e).toList();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
