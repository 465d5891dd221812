package dev.vectorizer.bench;

import dev.vectorizer.adapter.hub.HiveHubStandIn;
import dev.vectorizer.bench.failover.FailoverHarness;
import dev.vectorizer.bench.failover.FailoverReport;
import dev.vectorizer.bench.harness.UberJarProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The HiveHub failover harness against the uber-jar in hub mode (a fresh data directory, a free
 * loopback port) and a HiveHub stand-in in this JVM: prints the report and the server's SEVERE log
 * lines, exits 1 unless it passed and none was logged.
 *
 * <pre>bench/run-failover.sh [seed] [seconds] [--tenants 6]</pre>
 */
public final class FailoverMain {

    private FailoverMain() {
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(AuthOverheadBench.stringArg(args, "--seed", "42"));
        FailoverHarness.Settings settings = new FailoverHarness.Settings(Duration.ofSeconds(AuthOverheadBench.intArg(args, "--seconds", 60)),
                AuthOverheadBench.intArg(args, "--tenants", 6));
        FailoverReport report;
        List<String> severe;
        try (HiveHubStandIn hub = FailoverHarness.startHub();
                UberJarProcess server = new UberJarProcess(Path.of(AuthOverheadBench.stringArg(args, "--jar", "deploy/target/vectorizer.jar")),
                        Files.createTempDirectory("vectorizer-failover"), FailoverHarness.serverArgs(hub))) {
            server.start();
            Log.info("failover: seed " + seed + ", " + settings + "; HiveHub stand-in " + hub.url() + "; server log " + server.logFile());
            report = new FailoverHarness(server.base(), hub, seed, settings).run();
            severe = server.log().lines().filter(line -> line.contains("SEVERE")).toList();
        }
        System.out.println(report.markdown());
        System.out.printf("%nServer log: %d SEVERE lines%n", severe.size());
        severe.stream().limit(20).forEach(line -> System.out.println("    " + line));
        System.exit(report.passed() && severe.isEmpty() ? 0 : 1);
    }
}
