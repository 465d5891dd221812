package dev.vectorizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.bench.crash.CrashHarness;
import dev.vectorizer.bench.crash.CrashReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash-durability harness (bench/run-crash.sh, docs/RELIABILITY.md) in its short form: concurrent
 * writers against the uber-jar, three kills with SIGKILL at seeded moments; after each restart every
 * acknowledged write is there exactly, no batch is torn, and every collection answers.
 */
class CrashSmokeIT {

    private static final long SEED = 20261129L;

    @TempDir
    Path workDir;

    @Test
    void acknowledgedWritesSurviveKillMinus9() throws Exception {
        try (HarnessServer server = new HarnessServer(workDir, "-Dvectorizer.storage.commit-interval=1s")) {
            CrashReport report = new CrashHarness(server, SEED, CrashHarness.Settings.smoke()).run();

            System.out.println(report.markdown());
            assertThat(report.rounds()).as("rounds run").isPositive();
            assertThat(report.ackedVectors()).as("vectors acknowledged").isPositive();
            assertThat(report.problems()).as(report.markdown()).isEmpty();
        }
    }
}
