package dev.vectorizer.deploy;

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

/** Takes backup archives apart and puts (possibly broken) ones together, for the upload tests. */
final class BackupArchives {

    /** One entry: a file with content, or a link to {@code target}. */
    record Item(String name, byte[] content, String linkTarget) {

        static Item file(String name, byte[] content) {
            return new Item(name, content, null);
        }

        static Item link(String name, String target) {
            return new Item(name, new byte[0], target);
        }

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private BackupArchives() {
    }

    static List<Item> read(byte[] archive) {
        List<Item> items = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                items.add(Item.file(entry.getName(), tar.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    static byte[] write(List<Item> items) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Item item : items) {
                TarArchiveEntry entry;
                if (item.linkTarget() != null) {
                    entry = new TarArchiveEntry(item.name(), TarArchiveEntry.LF_SYMLINK);
                    entry.setLinkName(item.linkTarget());
                } else {
                    entry = new TarArchiveEntry(item.name(), true); // keep the name as given, absolute or not
                    entry.setSize(item.content().length);
                }
                tar.putArchiveEntry(entry);
                tar.write(item.content());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The items with the one named {@code name} replaced by {@code replacement}. */
    static List<Item> replace(List<Item> items, String name, Item replacement) {
        return items.stream().map(i -> i.name().equals(name) ? replacement : i).toList();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
