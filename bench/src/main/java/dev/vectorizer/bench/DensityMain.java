package dev.vectorizer.bench;

import dev.vectorizer.bench.density.DensityHarness;
import dev.vectorizer.bench.density.DensityReport;
import dev.vectorizer.bench.harness.UberJarProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Tenant density (issue H, item 6) against the uber-jar in standalone mode with {@code -Xmx2g} (a
 * fresh data directory, a free loopback port, default storage settings): prints the report and the
 * server's SEVERE log lines; exits 1 unless every tenant was created, every search found its vectors
 * and nothing SEVERE was logged. The work directory is deleted unless {@code --keep true}.
 *
 * <pre>bench/run-density.sh [--tenants 100000] [--max-minutes 15] [--clients 8] [--vectors 5] [--dimension 32]
 *     [--searches 300] [--checkpoints 10] [--restart true] [--heap 2g] [--keep false]</pre>
 */
public final class DensityMain {

    private DensityMain() {
    }

    public static void main(String[] args) throws Exception {
        DensityHarness.Settings settings = new DensityHarness.Settings(AuthOverheadBench.intArg(args, "--tenants", 100_000),
                Duration.ofMinutes(AuthOverheadBench.intArg(args, "--max-minutes", 15)), AuthOverheadBench.intArg(args, "--clients", 8),
                AuthOverheadBench.intArg(args, "--vectors", 5), AuthOverheadBench.intArg(args, "--dimension", 32),
                AuthOverheadBench.intArg(args, "--searches", 300), AuthOverheadBench.intArg(args, "--checkpoints", 10),
                Boolean.parseBoolean(AuthOverheadBench.stringArg(args, "--restart", "true")));
        Path jar = Path.of(AuthOverheadBench.stringArg(args, "--jar", "deploy/target/vectorizer.jar"));
        String heap = AuthOverheadBench.stringArg(args, "--heap", "2g");
        Path work = Files.createTempDirectory("vectorizer-density");
        DensityReport report;
        List<String> severe;
        try (UberJarProcess server = new UberJarProcess(jar, work, List.of("-Xmx" + heap))) {
            Log.info("density: " + settings + ", -Xmx" + heap + "; work directory " + work + ", load " + loadAverage());
            server.start();
            report = new DensityHarness(server, settings, Log::info).run();
            severe = server.log().lines().filter(line -> line.contains("SEVERE")).toList();
        } finally {
            if (!Boolean.parseBoolean(AuthOverheadBench.stringArg(args, "--keep", "false"))) {
                new ProcessBuilder("rm", "-rf", work.toString()).inheritIO().start().waitFor();
            }
        }
        System.out.println(report.markdown());
        System.out.printf("%nServer log: %d SEVERE lines%n", severe.size());
        severe.stream().limit(20).forEach(line -> System.out.println("    " + line));
        System.exit(report.complete() && severe.isEmpty() ? 0 : 1);
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}
