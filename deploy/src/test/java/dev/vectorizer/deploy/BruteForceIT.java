package dev.vectorizer.deploy;

import static dev.vectorizer.deploy.ServerOnPayaraMicroIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeated failed authentications block their client address with 429 and Retry-After, then the
 * block lifts; guessing with a key's public id from elsewhere never locks its holder out. Clients
 * at other addresses are loopback aliases (127.0.0.2, ...), which Linux routes to the server.
 */
class BruteForceIT {

    @TempDir
    Path workDir;

    @Test
    void failuresBlockTheirAddressUntilTheBlockEndsAndNobodyElse() throws Exception {
        try (ServerProcess server = new ServerProcess(workDir, "-Dvectorizer.auth.brute-force.max-failures=3",
                "-Dvectorizer.auth.brute-force.window=PT60S", "-Dvectorizer.auth.brute-force.block=PT4S").start()) {
            String adminKey = Files.readString(workDir.resolve("data/admin.key")).strip();
            Http admin = server.http().withKey(adminKey);
            assertThat(admin.postJson("api/admin/tenants", "{\"id\":\"acme\",\"name\":\"Acme\"}").status()).isEqualTo(201);
            String key = admin.postJson("api/admin/tenants/acme/keys", "{\"permissions\":[\"READ_ONLY\"]}").json().getString("key");
            Client attacker = new Client(server, "127.0.0.2");
            Client holder = new Client(server, "127.0.0.1");
            assertThat(holder.get("api/collections", key).status()).isEqualTo(200);

            for (int attempt = 0; attempt < 3; attempt++) {
                assertProblem(attacker.get("api/collections", wrongSecretOf(key)), 401, "AUTH_INVALID_KEY");
            }
            Http.Answer blocked = attacker.get("api/collections", key);
            assertProblem(blocked, 429, "AUTH_BLOCKED");
            assertThat(Integer.parseInt(blocked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 4);
            assertThat(server.http().get("metrics?scope=application").body()).as("refusals are counted like every answer")
                    .containsPattern("vectorizer_requests_seconds_count\\{[^}]*status=\"429\"");
            assertThat(holder.get("api/collections", key).status()).as("the key's holder is not locked out").isEqualTo(200);

            Client adminAttacker = new Client(server, "127.0.0.3");
            for (int attempt = 0; attempt < 3; attempt++) {
                assertProblem(adminAttacker.get("api/admin/tenants", wrongSecretOf(adminKey)), 401, "AUTH_INVALID_KEY");
            }
            assertThat(holder.get("api/admin/tenants", adminKey).status()).as("nor is the administrator").isEqualTo(200);

            Thread.sleep(4500);
            assertThat(attacker.get("api/collections", key).status()).as("the block has ended").isEqualTo(200);
        }
    }

    private static String wrongSecretOf(String key) {
        return key.substring(0, key.length() - 1) + (key.endsWith("x") ? "y" : "x");
    }

    /** An HTTP client whose connections come from one local address. */
    private record Client(ServerProcess server, HttpClient http) {

        Client(ServerProcess server, String localAddress) throws IOException {
            this(server, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).localAddress(InetAddress.getByName(localAddress))
                    .connectTimeout(Duration.ofSeconds(5)).build());
        }

        Http.Answer get(String path, String key) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.http().resolve(path)).header("Authorization", "Bearer " + key)
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
                    response.headers());
        }
    }
}
