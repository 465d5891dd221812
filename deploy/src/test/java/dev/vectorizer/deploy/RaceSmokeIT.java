package dev.vectorizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.bench.race.RaceHarness;
import dev.vectorizer.bench.race.RaceReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The race harness (bench/run-races.sh, docs/RELIABILITY.md) in its short form, against the uber-jar in
 * standalone mode: create/delete/recreate of one collection name, writes and searches into it, and key
 * rotation and revocation, for 20 s. No 5xx, no acknowledged write lost, no revoked key accepted, no
 * live key refused, nothing logged at SEVERE.
 */
class RaceSmokeIT {

    private static final long SEED = 20261129L;

    @TempDir
    Path workDir;

    @Test
    void racingClientsLoseNothing() throws Exception {
        // revoked keys are used on purpose: their failures must not block the harness's own address
        try (HarnessServer server = new HarnessServer(workDir, "-Dvectorizer.auth.brute-force.max-failures=1000000000")) {
            server.start();

            RaceReport report = new RaceHarness(server.base(), server.adminKey(), SEED, RaceHarness.Settings.smoke()).run();

            System.out.println(report.markdown());
            assertThat(report.judged()).as("writes judged").isPositive();
            assertThat(report.findings()).as(report.markdown()).isEmpty();
            assertThat(server.log().lines().filter(line -> line.contains("SEVERE"))).as("SEVERE lines in the server log").isEmpty();
        }
    }
}
