package dev.vectorizer.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Backup and restore throughput of a collection of about {@code --gib} GiB on disk, side by side with
 * {@code tar czf} / {@code tar xzf} (and {@code gzip -1}, the level our archives use) of the same
 * index files, in alternating rounds of one run. Throughput is the index's bytes on disk per second
 * of wall time: a backup from the {@code POST} until it is {@code ready} (snapshot, SHA-256 of every
 * file, archive, SHA-256 of the archive, fsync), a restore from the {@code POST} until its answer
 * (unpack, verify every file, open and check the index, move into place).
 *
 * <pre>bench/run-backup-bench.sh [--gib 1] [--dimension 384] [--payload-bytes 4096] [--rounds 2]</pre>
 */
public final class BackupBench {

    private static final int BATCH = 500;
    private static final String[] WORDS = words();

    private BackupBench() {
    }

    public static void main(String[] args) throws Exception {
        double gib = Double.parseDouble(arg(args, "--gib", "1"));
        int dimension = Integer.parseInt(arg(args, "--dimension", "384"));
        int payloadBytes = Integer.parseInt(arg(args, "--payload-bytes", "4096"));
        int rounds = Integer.parseInt(arg(args, "--rounds", "2"));
        Path jar = Path.of(arg(args, "--jar", "deploy/target/vectorizer.jar"));
        Path work = Files.createTempDirectory("vectorizer-backup-bench");
        Path data = work.resolve("data");
        // on disk a vector takes its float32 values once plus its payload (the graph adds a few per cent)
        long vectors = (long) (gib * (1L << 30) / (dimension * 4L + payloadBytes));
        try (RestRunner server = RestRunner.start(jar, data, work.resolve("server.log"), "single",
                List.of("-Dvectorizer.storage.commit-interval=1s", "-Dvectorizer.backup.retention.max-count=100"))) {
            ingest(server, vectors, dimension, payloadBytes);
            Path index = indexDirectory(data);
            OursInProcess.awaitMergedCommit(index, Math.toIntExact(vectors)); // the idle merge is done: the index files are settled
            long bytes = size(index);
            Log.info(String.format(Locale.ROOT, "index: %d vectors, %.1f MiB in %s", vectors, bytes / 1048576.0, index));
            List<String[]> rows = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                long start = System.nanoTime();
                JsonObject backup = backup(server);
                rows.add(row(round, "Vectorizer backup (POST → ready)", bytes, System.nanoTime() - start, backup.getJsonNumber("size_bytes").longValue()));
                Path tarball = work.resolve("index.tar.gz");
                rows.add(tar(round, "tar czf (gzip -6)", bytes, tarball, "tar", "czf", tarball.toString(), "-C", index.toString(), "."));
                rows.add(tar(round, "tar -I 'gzip -1' -cf", bytes, tarball, "tar", "-I", "gzip -1", "-cf", tarball.toString(), "-C", index.toString(), "."));
                start = System.nanoTime();
                server.send(server.request("/api/hub/backups/restore").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"backup_id\":\"" + backup.getString("id")
                                + "\",\"rename\":{\"bench\":\"restored" + round + "\"}}")).build());
                rows.add(row(round, "Vectorizer restore (POST → 200)", bytes, System.nanoTime() - start, 0));
                Path unpacked = Files.createDirectories(work.resolve("unpacked" + round));
                rows.add(tar(round, "tar xzf", bytes, null, "tar", "xzf", tarball.toString(), "-C", unpacked.toString()));
            }
            System.out.println(table(rows));
        }
    }

    private static void ingest(RestRunner server, long vectors, int dimension, int payloadBytes) throws IOException, InterruptedException {
        server.send(server.request("/api/collections").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"dimension\":" + dimension + "}")).build());
        Random random = new Random(42);
        for (long from = 0; from < vectors; from += BATCH) {
            StringBuilder body = new StringBuilder("{\"vectors\":[");
            for (long i = from; i < Math.min(vectors, from + BATCH); i++) {
                body.append(i == from ? "" : ",").append("{\"id\":\"").append(i).append("\",\"vector\":[");
                for (int d = 0; d < dimension; d++) {
                    body.append(d == 0 ? "" : ",").append((float) random.nextGaussian());
                }
                body.append("],\"payload\":{\"text\":\"").append(text(random, payloadBytes)).append("\",\"n\":").append(i).append("}}");
            }
            server.send(server.request("/api/collections/bench/vectors").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build());
            if (from / BATCH % 20 == 0) {
                Log.info("ingested " + from + " of " + vectors);
            }
        }
    }

    /** Words of random letters: text that compresses about as well as prose. */
    private static String text(Random random, int bytes) {
        StringBuilder text = new StringBuilder(bytes + 16);
        while (text.length() < bytes) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return text.substring(0, bytes);
    }

    private static String[] words() {
        Random random = new Random(7);
        String[] words = new String[2000];
        for (int i = 0; i < words.length; i++) {
            char[] word = new char[3 + random.nextInt(8)];
            for (int c = 0; c < word.length; c++) {
                word[c] = (char) ('a' + random.nextInt(26));
            }
            words[i] = new String(word);
        }
        return words;
    }

    private static JsonObject backup(RestRunner server) throws IOException, InterruptedException {
        String id = json(server.send(server.request("/api/hub/backups").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"collections\":[\"bench\"]}")).build())).getString("id");
        while (true) {
            JsonObject backup = json(server.send(server.request("/api/hub/backups/" + id).GET().build()));
            if (!"running".equals(backup.getString("status"))) {
                if (!"ready".equals(backup.getString("status"))) {
                    throw new IOException("backup " + id + " " + backup.getString("status"));
                }
                return backup;
            }
            Thread.sleep(20);
        }
    }

    private static String[] tar(int round, String what, long bytes, Path archive, String... command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process tar = new ProcessBuilder(command).inheritIO().start();
        if (tar.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
        return row(round, what, bytes, System.nanoTime() - start, archive == null ? 0 : Files.size(archive));
    }

    private static String[] row(int round, String what, long bytes, long nanos, long archiveBytes) {
        double seconds = nanos / 1e9;
        Log.info(String.format(Locale.ROOT, "round %d %s: %.2f s", round, what, seconds));
        return new String[] {String.valueOf(round), what, String.format(Locale.ROOT, "%.2f", seconds),
                String.format(Locale.ROOT, "%.0f", bytes / 1048576.0 / seconds),
                archiveBytes == 0 ? "" : String.format(Locale.ROOT, "%.0f", archiveBytes / 1048576.0)};
    }

    private static String table(List<String[]> rows) {
        StringBuilder out = new StringBuilder("| round | operation | seconds | MB/s (index bytes) | archive MiB |\n|---|---|---|---|---|\n");
        rows.forEach(r -> out.append("| ").append(String.join(" | ", r)).append(" |\n"));
        return out.toString();
    }

    private static Path indexDirectory(Path data) throws IOException {
        try (Stream<Path> dirs = Files.list(data.resolve("tenants/default/collections"))) {
            return OurEngine.indexIn(dirs.filter(d -> d.getFileName().toString().startsWith("bench.")).findFirst().orElseThrow());
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static String arg(String[] args, String name, String defaultValue) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return defaultValue;
    }
}
