package dev.vectorizer.bench.fuzz;

import dev.vectorizer.bench.harness.TarGz;
import dev.vectorizer.bench.harness.TarGz.Entry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Backup archives for uploads, all small: the fixture's valid archive, and that archive broken in
 * the ways BACKUPS.md says an upload is refused — corrupted, truncated, not gzip, entries that climb
 * out or are links, devices or directories, a manifest changed or broken, a file missing, doubled or
 * unlisted, and a gzip bomb (a few KiB that unpack past the server's limit, {@link Fuzzer#SERVER_SETTINGS}).
 */
final class Archives {

    /** What a bomb unpacks to: past the limit the fuzzing server is started with. */
    static final int BOMB_BYTES = 24 << 20;
    private static final String MANIFEST = "manifest.json";

    private final byte[] valid;
    private final List<Entry> items;
    private final byte[] bomb;

    Archives(byte[] valid) {
        this.valid = valid;
        this.items = TarGz.read(valid);
        byte[] zeros = new byte[BOMB_BYTES];
        String manifest = manifest().replaceFirst("\"files\":\\[", "\"files\":[{\"path\":\"collections/fz/_9.bomb\",\"size\":" + zeros.length
                + ",\"sha256\":\"" + TarGz.sha256(zeros) + "\"},");
        List<Entry> bombed = new ArrayList<>(replaced(MANIFEST, manifest.getBytes(StandardCharsets.UTF_8)));
        bombed.add(Entry.file("collections/fz/_9.bomb", zeros));
        this.bomb = TarGz.write(bombed);
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
            case "path traversal" -> with(Entry.file(Oddities.pick(random, List.of("collections/fz/../../../../escaped", "../escaped",
                    "collections/../../escaped", "collections/fz/..")), new byte[1]));
            case "absolute path" -> with(Entry.file(Oddities.pick(random, List.of("/tmp/escaped", "/collections/fz/_0.cfs", "C:\\escaped")), new byte[1]));
            case "symbolic link" -> with(new Entry("collections/fz/link", new byte[0], TarArchiveEntry.LF_SYMLINK,
                    Oddities.pick(random, List.of("/etc/passwd", "../../../x", "_0.cfs"))));
            case "hard link" -> with(new Entry("collections/fz/hard", new byte[0], TarArchiveEntry.LF_LINK, "manifest.json"));
            case "directory" -> with(new Entry("collections/fz/dir/", new byte[0], TarArchiveEntry.LF_DIR, null));
            case "device" -> with(new Entry("collections/fz/dev", new byte[0], Oddities.pick(random, List.of(TarArchiveEntry.LF_CHR,
                    TarArchiveEntry.LF_BLK, TarArchiveEntry.LF_FIFO)), null));
            case "manifest changed" -> TarGz.write(replaced(MANIFEST, Bodies.mutateTree(JsonTree.parse(manifest()), random).getBytes(StandardCharsets.UTF_8)));
            case "manifest not JSON" -> TarGz.write(replaced(MANIFEST, Bodies.mutateText(manifest(), random)));
            case "manifest missing" -> TarGz.write(items.subList(1, items.size()));
            case "file missing" -> TarGz.write(without(1 + random.nextInt(items.size() - 1)));
            case "file doubled" -> with(items.get(1 + random.nextInt(items.size() - 1)));
            case "file unlisted" -> with(Entry.file("collections/fz/_9.unlisted", new byte[10]));
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
        return TarGz.write(replaced(items.get(at).name(), content));
    }

    private byte[] with(Entry extra) {
        List<Entry> all = new ArrayList<>(items);
        all.add(extra);
        return TarGz.write(all);
    }

    private List<Entry> without(int at) {
        List<Entry> all = new ArrayList<>(items);
        all.remove(at);
        return all;
    }

    private List<Entry> replaced(String name, byte[] content) {
        return TarGz.replace(items, name, Entry.file(name, content));
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
}
