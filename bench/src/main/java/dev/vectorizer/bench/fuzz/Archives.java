package dev.vectorizer.bench.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Backup archives for uploads, all small: the fixture's valid archive, and that archive broken in
 * the ways BACKUPS.md says an upload is refused — corrupted, truncated, not gzip, entries that climb
 * out or are links, devices or directories, a manifest changed or broken, a file missing, doubled or
 * unlisted, and a gzip bomb (a few KiB that unpack past the server's limit, {@link Fuzzer#SERVER_SETTINGS}).
 */
final class Archives {

    /** One entry: a file, or a link or special file ({@code type} a tar type flag). */
    private record Item(String name, byte[] content, byte type, String linkTarget) {

        static Item file(String name, byte[] content) {
            return new Item(name, content, TarArchiveEntry.LF_NORMAL, null);
        }
    }

    /** What a bomb unpacks to: past the limit the fuzzing server is started with. */
    static final int BOMB_BYTES = 24 << 20;
    private static final String MANIFEST = "manifest.json";

    private final byte[] valid;
    private final List<Item> items;
    private final byte[] bomb;

    Archives(byte[] valid) {
        this.valid = valid;
        this.items = read(valid);
        byte[] zeros = new byte[BOMB_BYTES];
        String manifest = manifest().replaceFirst("\"files\":\\[", "\"files\":[{\"path\":\"collections/fz/_9.bomb\",\"size\":" + zeros.length
                + ",\"sha256\":\"" + sha256(zeros) + "\"},");
        List<Item> bombed = new ArrayList<>(replaced(MANIFEST, manifest.getBytes(StandardCharsets.UTF_8)));
        bombed.add(Item.file("collections/fz/_9.bomb", zeros));
        this.bomb = write(bombed);
    }

    /** The names of {@link #next}'s cases. */
    static final List<String> CASES = List.of("valid", "corrupted", "truncated", "not gzip", "gzip of garbage", "empty", "path traversal",
            "absolute path", "symbolic link", "hard link", "directory", "device", "manifest changed", "manifest not JSON", "manifest missing",
            "file missing", "file doubled", "file unlisted", "file changed", "gzip bomb", "trailing garbage");

    /** An archive of the case named {@code name} (one of {@link #CASES}). */
    byte[] of(String name, Random random) {
        return switch (name) {
            case "valid" -> valid;
            case "corrupted" -> flipped(random);
            case "truncated" -> Arrays.copyOf(valid, random.nextInt(valid.length));
            case "not gzip" -> Oddities.pick(random, List.of("hello", "{}", "PK\u0003\u0004")).getBytes(StandardCharsets.UTF_8);
            case "gzip of garbage" -> gzip(("garbage " + random.nextInt()).repeat(100).getBytes(StandardCharsets.UTF_8));
            case "empty" -> new byte[0];
            case "path traversal" -> with(Item.file(Oddities.pick(random, List.of("collections/fz/../../../../escaped", "../escaped",
                    "collections/../../escaped", "collections/fz/..")), new byte[1]));
            case "absolute path" -> with(Item.file(Oddities.pick(random, List.of("/tmp/escaped", "/collections/fz/_0.cfs", "C:\\escaped")), new byte[1]));
            case "symbolic link" -> with(new Item("collections/fz/link", new byte[0], TarArchiveEntry.LF_SYMLINK,
                    Oddities.pick(random, List.of("/etc/passwd", "../../../x", "_0.cfs"))));
            case "hard link" -> with(new Item("collections/fz/hard", new byte[0], TarArchiveEntry.LF_LINK, "manifest.json"));
            case "directory" -> with(new Item("collections/fz/dir/", new byte[0], TarArchiveEntry.LF_DIR, null));
            case "device" -> with(new Item("collections/fz/dev", new byte[0], Oddities.pick(random, List.of(TarArchiveEntry.LF_CHR,
                    TarArchiveEntry.LF_BLK, TarArchiveEntry.LF_FIFO)), null));
            case "manifest changed" -> write(replaced(MANIFEST, Bodies.mutateTree(JsonTree.parse(manifest()), random).getBytes(StandardCharsets.UTF_8)));
            case "manifest not JSON" -> write(replaced(MANIFEST, Bodies.mutateText(manifest(), random)));
            case "manifest missing" -> write(items.subList(1, items.size()));
            case "file missing" -> write(without(1 + random.nextInt(items.size() - 1)));
            case "file doubled" -> with(items.get(1 + random.nextInt(items.size() - 1)));
            case "file unlisted" -> with(Item.file("collections/fz/_9.unlisted", new byte[10]));
            case "file changed" -> fileChanged(random);
            case "gzip bomb" -> bomb;
            case "trailing garbage" -> concat(valid, "garbage".getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException(name);
        };
    }

    private String manifest() {
        return new String(items.getFirst().content(), StandardCharsets.UTF_8);
    }

    private byte[] flipped(Random random) {
        byte[] copy = valid.clone();
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private byte[] fileChanged(Random random) {
        int at = 1 + random.nextInt(items.size() - 1);
        byte[] content = items.get(at).content().clone();
        if (content.length > 0) {
            content[random.nextInt(content.length)] ^= 1;
        }
        return write(replaced(items.get(at).name(), content));
    }

    private byte[] with(Item extra) {
        List<Item> all = new ArrayList<>(items);
        all.add(extra);
        return write(all);
    }

    private List<Item> without(int at) {
        List<Item> all = new ArrayList<>(items);
        all.remove(at);
        return all;
    }

    private List<Item> replaced(String name, byte[] content) {
        return items.stream().map(i -> i.name().equals(name) ? Item.file(name, content) : i).toList();
    }

    private static List<Item> read(byte[] archive) {
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

    private static byte[] write(List<Item> items) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Item item : items) {
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

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
