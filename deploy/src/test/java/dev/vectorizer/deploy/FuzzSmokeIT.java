package dev.vectorizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.bench.fuzz.FuzzReport;
import dev.vectorizer.bench.fuzz.Fuzzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input fuzzer (bench/run-fuzz.sh, docs/RELIABILITY.md) in its short form, against the
 * uber-jar in standalone mode — REST (backups included), GraphQL, MCP, the HTTP layer: no 5xx, every
 * error in its interface's format with the security headers, the server ready throughout, and
 * nothing logged at SEVERE.
 */
class FuzzSmokeIT {

    private static final long SEED = 20261129L;

    @TempDir
    Path workDir;

    @Test
    void aShortFuzzingRunFindsNothing() throws Exception {
        try (ServerProcess server = new ServerProcess(workDir, Fuzzer.SERVER_SETTINGS.toArray(String[]::new)).start()) {
            String adminKey = Files.readString(workDir.resolve("data/admin.key")).strip();

            FuzzReport report = new Fuzzer(server.base(), adminKey).run(SEED, Fuzzer.SMOKE_COUNT, Duration.ofSeconds(55));

            System.out.println(report.markdown(100));
            assertThat(report.sent()).isPositive();
            assertThat(report.findings()).as(report.markdown(100)).isEmpty();
            assertThat(server.output().lines().filter(line -> line.contains("SEVERE"))).as("SEVERE lines in the server log").isEmpty();
        }
    }
}
