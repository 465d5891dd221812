package dev.vectorizer.bench;

import dev.vectorizer.bench.harness.UberJarProcess;
import dev.vectorizer.bench.race.RaceHarness;
import dev.vectorizer.bench.race.RaceReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The race harness against the uber-jar in standalone mode (a fresh data directory, a free loopback
 * port; failed authentications never block, since revoked keys are used on purpose): prints the
 * report and the server's SEVERE log lines, exits 1 unless it passed and none was logged.
 *
 * <pre>bench/run-races.sh [seed] [seconds] [--phases 12] [--writers 4]</pre>
 */
public final class RaceMain {

    private RaceMain() {
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(AuthOverheadBench.stringArg(args, "--seed", "42"));
        RaceHarness.Settings settings = new RaceHarness.Settings(Duration.ofSeconds(AuthOverheadBench.intArg(args, "--seconds", 120)),
                AuthOverheadBench.intArg(args, "--phases", 12), AuthOverheadBench.intArg(args, "--writers", 4));
        Path jar = Path.of(AuthOverheadBench.stringArg(args, "--jar", "deploy/target/vectorizer.jar"));
        RaceReport report;
        List<String> severe;
        try (UberJarProcess server = new UberJarProcess(jar, Files.createTempDirectory("vectorizer-races"),
                List.of("-Dvectorizer.auth.brute-force.max-failures=1000000000"))) {
            server.start();
            Log.info("races: seed " + seed + ", " + settings + "; server log " + server.logFile());
            report = new RaceHarness(server.base(), server.adminKey(), seed, settings).run();
            severe = server.log().lines().filter(line -> line.contains("SEVERE")).toList();
        }
        System.out.println(report.markdown());
        System.out.printf("%nServer log: %d SEVERE lines%n", severe.size());
        severe.stream().limit(20).forEach(line -> System.out.println("    " + line));
        System.exit(report.passed() && severe.isEmpty() ? 0 : 1);
    }
}
