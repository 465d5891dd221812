package dev.vectorizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar an operator starts with {@code java -jar}: ready, answering, and keeping its data across restarts. */
class UberJarIT {

    @TempDir
    Path workDir;

    @Test
    void startsReadyAndKeepsItsInstallationAcrossARestart() throws Exception {
        String installation;
        try (ServerProcess server = new ServerProcess(workDir).start()) {
            Http.Answer ready = server.http().get("health/ready");
            assertThat(ready.json().getString("status")).isEqualTo("UP");

            Http.Answer info = server.http().get("api/info");
            assertThat(info.status()).isEqualTo(200);
            assertThat(info.json().getString("name")).isEqualTo("vectorizer");
            assertThat(info.json().getString("mode")).isEqualTo("standalone");
            installation = info.json().getString("installation_id");
            assertThat(server.output()).as("no Hazelcast data grid (MICRO-INF/pre-boot-commands.txt)")
                    .doesNotContain("Hazelcast Instance Bound");
        }
        assertThat(workDir.resolve("data/metadata/vectorizer.mv.db")).as("metadata under the default ./data").exists();

        try (ServerProcess server = new ServerProcess(workDir).start()) {
            assertThat(server.http().get("api/info").json().getString("installation_id"))
                    .as("the same installation after a restart").isEqualTo(installation);
        }
    }

    @Test
    void modeAndDataDirectoryComeFromConfiguration() throws Exception {
        Path elsewhere = workDir.resolve("elsewhere");
        try (ServerProcess server = new ServerProcess(workDir, "-Dvectorizer.mode=single", "-Dvectorizer.data-dir=" + elsewhere).start()) {
            assertThat(server.http().get("api/info").json().getString("mode")).isEqualTo("single");
        }
        assertThat(Files.exists(elsewhere.resolve("metadata/vectorizer.mv.db"))).isTrue();
        assertThat(workDir.resolve("data")).doesNotExist();
    }

    @Test
    void anInvalidModeFailsTheDeploymentAndTheServerNeverReportsReady() throws Exception {
        try (ServerProcess server = new ServerProcess(workDir, "-Dvectorizer.mode=cluster").launch()) {
            server.awaitOutput("unknown mode 'cluster'");
            server.awaitOutput("ready in");

            assertThat(server.http().get("health/ready").status()).isNotEqualTo(200);
            assertThat(server.http().get("api/info").status()).isNotEqualTo(200);
        }
    }

    @Test
    void aBadDurationNamesItsKeyAndFailsTheDeployment() throws Exception {
        try (ServerProcess server = new ServerProcess(workDir, "-Dvectorizer.storage.commit-interval=soon").launch()) {
            server.awaitOutput("'soon' is not a duration");
            server.awaitOutput("ready in");

            assertThat(server.output().lines().filter(line -> line.contains("'soon' is not a duration")))
                    .anyMatch(line -> line.contains("vectorizer.storage.commit-interval"));
            assertThat(server.http().get("health/ready").status()).isNotEqualTo(200);
            assertThat(server.http().get("api/info").status()).isNotEqualTo(200);
        }
    }
}
