package dev.vectorizer.bench;

import dev.vectorizer.bench.crash.CrashHarness;
import dev.vectorizer.bench.crash.CrashReport;
import dev.vectorizer.bench.harness.UberJarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The crash-durability harness against the uber-jar (standalone mode, a fresh data directory, a free
 * loopback port, background commits every second so that kills also land around commits): prints the
 * table per round and the summary, exits 1 unless it passed.
 *
 * <pre>bench/run-crash.sh [seed] [rounds] [--writers 8] [--min-kill-ms 300] [--max-kill-ms 4000] [--budget-seconds 1800]</pre>
 */
public final class CrashMain {

    private CrashMain() {
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(AuthOverheadBench.stringArg(args, "--seed", "42"));
        CrashHarness.Settings settings = new CrashHarness.Settings(AuthOverheadBench.intArg(args, "--rounds", 20),
                AuthOverheadBench.intArg(args, "--writers", 8), AuthOverheadBench.intArg(args, "--min-kill-ms", 300),
                AuthOverheadBench.intArg(args, "--max-kill-ms", 4000), Duration.ofSeconds(AuthOverheadBench.intArg(args, "--budget-seconds", 1800)));
        Path jar = Path.of(AuthOverheadBench.stringArg(args, "--jar", "deploy/target/vectorizer.jar"));
        Path work = Files.createTempDirectory("vectorizer-crash");
        CrashReport report;
        try (UberJarProcess server = new UberJarProcess(jar, work, List.of("-Dvectorizer.storage.commit-interval=1s"))) {
            Log.info("crash harness: seed " + seed + ", " + settings + "; server log " + server.logFile());
            report = new CrashHarness(server, seed, settings).run();
        }
        System.out.println(report.markdown());
        System.exit(report.passed() ? 0 : 1);
    }
}
