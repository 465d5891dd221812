package dev.vectorizer.deploy;

import static dev.vectorizer.deploy.ServerOnPayaraMicroIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repeated failed authentications block the source with 429 and Retry-After, then the block lifts. */
class BruteForceIT {

    @TempDir
    Path workDir;

    @Test
    void failuresBlockTheSourceUntilTheBlockEnds() throws Exception {
        try (ServerProcess server = new ServerProcess(workDir, "-Dvectorizer.auth.brute-force.max-failures=3",
                "-Dvectorizer.auth.brute-force.window=PT60S", "-Dvectorizer.auth.brute-force.block=PT4S").start()) {
            Http admin = server.http().withKey(Files.readString(workDir.resolve("data/admin.key")).strip());
            assertThat(admin.postJson("api/admin/tenants", "{\"id\":\"acme\",\"name\":\"Acme\"}").status()).isEqualTo(201);
            String key = admin.postJson("api/admin/tenants/acme/keys", "{\"permissions\":[\"READ_ONLY\"]}").json().getString("key");
            Http good = server.http().withKey(key);
            Http guessing = server.http().withKey(key.substring(0, key.length() - 1) + (key.endsWith("x") ? "y" : "x"));
            assertThat(good.get("api/collections").status()).isEqualTo(200);

            for (int attempt = 0; attempt < 3; attempt++) {
                assertProblem(guessing.get("api/collections"), 401, "AUTH_INVALID_KEY");
            }
            Http.Answer blocked = good.get("api/collections");
            assertProblem(blocked, 429, "AUTH_BLOCKED");
            assertThat(Integer.parseInt(blocked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 4);
            assertThat(server.http().get("metrics?scope=application").body()).as("refusals are counted like every answer")
                    .containsPattern("vectorizer_requests_seconds_count\\{[^}]*status=\"429\"");

            Thread.sleep(4500);
            assertThat(good.get("api/collections").status()).as("the block has ended").isEqualTo(200);
        }
    }
}
