package dev.vectorizer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The paragraph above the tables: the command, the machine, the tools' versions, the method and how quiet the box was. */
final class RunHeader {

    private RunHeader() {
    }

    static String describe(String command, int rounds, int passes, double quietCores, double quietTimeout, List<QuietBox.Load> loads)
            throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        long memKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        long busy = loads.stream().filter(l -> !l.quiet()).count();
        double maxLoad = loads.stream().mapToDouble(QuietBox.Load::otherCores).max().orElse(0);
        return String.format(Locale.ROOT, """
                Command: `%s`. Run %s on %d cores (%s), %.0f GB RAM, %s %s; JDK %s, Lucene %s, node %s with hnswlib-node \
                %s, %s. %d round(s), engines in alternating order, each run in a fresh process (JVM fork for Java engines) after \
                waiting for a quiet box (< %.2f cores used by others over 5 s, at most %.0f s): %s. QPS: %d timed passes per run \
                after an untimed recall pass; medians and min–max over all passes of all rounds. Limit 10, M=16, efConstruction=200, \
                cosine.""",
                command, ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")),
                Runtime.getRuntime().availableProcessors(), cpu, memKb / 1024.0 / 1024.0, System.getProperty("os.name"),
                System.getProperty("os.version"), Runtime.version(), org.apache.lucene.util.Version.LATEST, output("node", "--version"),
                hnswlibVersion(), output("wrk", "--version").replaceAll("\\s*\\[.*", ""), rounds, quietCores, quietTimeout,
                busy == 0 ? "every run started on a quiet box"
                        : String.format(Locale.ROOT, "**%d of %d runs started on a busy box** (up to %.2f cores used by others; see the last table)",
                                busy, loads.size(), maxLoad),
                passes);
    }

    /** The hnswlib-node version the lock file pins. */
    private static String hnswlibVersion() {
        try {
            Matcher m = Pattern.compile("\"node_modules/hnswlib-node\"\\s*:\\s*\\{\\s*\"version\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(Files.readString(Path.of("bench/hnswlib/package-lock.json")));
            return m.find() ? m.group(1) : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The first line a command prints ({@code node --version}, {@code wrk --version}), or "unknown". */
    static String output(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse("unknown").trim();
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
