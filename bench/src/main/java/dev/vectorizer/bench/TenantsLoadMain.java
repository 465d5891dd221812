package dev.vectorizer.bench;

import dev.vectorizer.bench.harness.UberJarProcess;
import dev.vectorizer.bench.load.TenantsLoadHarness;
import dev.vectorizer.bench.load.TenantsLoadReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The multi-tenant load against the uber-jar in standalone mode (a fresh data directory, a free
 * loopback port): prints the report and the server's SEVERE log lines, exits 1 unless it passed and
 * none was logged.
 *
 * <pre>bench/run-tenants-load.sh [seed] [seconds] [--tenants 100] [--clients 8]</pre>
 */
public final class TenantsLoadMain {

    private TenantsLoadMain() {
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(AuthOverheadBench.stringArg(args, "--seed", "42"));
        TenantsLoadHarness.Settings settings = new TenantsLoadHarness.Settings(AuthOverheadBench.intArg(args, "--tenants", 100),
                Duration.ofSeconds(AuthOverheadBench.intArg(args, "--seconds", 60)), AuthOverheadBench.intArg(args, "--clients", 8));
        Path jar = Path.of(AuthOverheadBench.stringArg(args, "--jar", "deploy/target/vectorizer.jar"));
        TenantsLoadReport report;
        List<String> severe;
        try (UberJarProcess server = new UberJarProcess(jar, Files.createTempDirectory("vectorizer-tenants-load"), List.of())) {
            server.start();
            Log.info("tenants load: seed " + seed + ", " + settings + "; server log " + server.logFile());
            report = new TenantsLoadHarness(server.base(), server.adminKey(), seed, settings).run();
            severe = server.log().lines().filter(line -> line.contains("SEVERE")).toList();
        }
        System.out.println(report.markdown());
        System.out.printf("%nServer log: %d SEVERE lines%n", severe.size());
        severe.stream().limit(20).forEach(line -> System.out.println("    " + line));
        System.exit(report.passed() && severe.isEmpty() ? 0 : 1);
    }
}
