package dev.vectorizer.bench.density;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the server process and its data directory use right now, read from outside the process:
 * {@code /proc/<pid>} (open files, memory mappings, threads, resident memory), {@code jcmd} (heap
 * used after a full GC, i.e. what is live) and {@code du} (allocated bytes, and apparent bytes, of
 * the Lucene tree {@code tenants/}, the H2 database {@code metadata/} and the rest). Linux only.
 */
public final class ServerProbe {

    /** One reading. Sizes in bytes; heap after a full GC. */
    public record Sample(long heapUsed, long heapCommitted, long rss, int openFiles, int mappings, int threads,
            Disk lucene, Disk metadata, Disk other, String loadAverage) {

        public Disk total() {
            return new Disk(lucene.allocated + metadata.allocated + other.allocated, lucene.apparent + metadata.apparent + other.apparent);
        }
    }

    /** Allocated (blocks, what {@code du} counts) and apparent (file lengths) bytes of a tree. */
    public record Disk(long allocated, long apparent) {
    }

    /** {@code GC.heap_info}'s first line: "total 262144K, used 1234K" or (newer JDKs) "total reserved 2097152K, committed 262144K, used 1234K". */
    private static final Pattern COMMITTED = Pattern.compile("(?:committed|total) (\\d+)K");
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private final long pid;
    private final Path dataDir;
    private final Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    public ServerProbe(long pid, Path dataDir) {
        this.pid = pid;
        this.dataDir = dataDir;
    }

    public Sample sample() {
        long[] heap = heap();
        Path proc = Path.of("/proc", Long.toString(pid));
        List<Path> trees = List.of(dataDir.resolve("tenants"), dataDir.resolve("metadata"), dataDir);
        long[] allocated = du(trees, false);
        long[] apparent = du(trees, true);
        return new Sample(heap[1], heap[0], statusKib(proc, "VmRSS") * 1024, count(proc.resolve("fd")), lines(proc.resolve("maps")),
                (int) statusKib(proc, "Threads"), new Disk(allocated[0], apparent[0]), new Disk(allocated[1], apparent[1]),
                new Disk(allocated[2], apparent[2]), loadAverage());
    }

    /** {@code [committed, used]} of the heap after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}). */
    private long[] heap() {
        run(List.of(jcmd.toString(), Long.toString(pid), "GC.run"));
        String info = run(List.of(jcmd.toString(), Long.toString(pid), "GC.heap_info"));
        Matcher committed = COMMITTED.matcher(info);
        Matcher used = USED.matcher(info);
        if (!committed.find() || !used.find()) {
            return new long[] {-1, -1};
        }
        return new long[] {Long.parseLong(committed.group(1)) * 1024, Long.parseLong(used.group(1)) * 1024};
    }

    /**
     * The bytes under each of {@code trees} (allocated, or apparent), in one {@code du} walk: du counts
     * every file once, for the first tree it is under, so a tree that contains earlier ones gets what
     * is left. A tree that does not exist counts 0.
     */
    private static long[] du(List<Path> trees, boolean apparent) {
        List<String> command = new ArrayList<>(List.of("du", "-s", "-B1"));
        if (apparent) {
            command.add("--apparent-size");
        }
        List<Path> existing = trees.stream().filter(Files::exists).toList();
        existing.forEach(t -> command.add(t.toString()));
        Map<String, Long> bytes = new HashMap<>();
        if (!existing.isEmpty()) {
            run(command).lines().map(l -> l.split("\t", 2)).filter(p -> p.length == 2 && p[0].matches("\\d+"))
                    .forEach(p -> bytes.put(p[1], Long.parseLong(p[0])));
        }
        return trees.stream().mapToLong(t -> bytes.getOrDefault(t.toString(), 0L)).toArray();
    }

    /** Allocated bytes of {@code roots} together ({@code du -c}). */
    public static long allocated(List<Path> roots) {
        List<String> command = new ArrayList<>(List.of("du", "-s", "-c", "-B1"));
        roots.forEach(r -> command.add(r.toString()));
        List<String> out = run(command).lines().toList();
        return Long.parseLong(out.getLast().split("\\s+")[0]);
    }

    private static long statusKib(Path proc, String field) {
        try (Stream<String> status = Files.lines(proc.resolve("status"))) {
            return status.filter(l -> l.startsWith(field + ":")).map(l -> l.replaceAll("[^0-9]", "")).mapToLong(Long::parseLong).findFirst()
                    .orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private static int count(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return (int) entries.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static int lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return (int) lines.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} has them. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }
}
