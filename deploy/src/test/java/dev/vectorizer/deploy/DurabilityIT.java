package dev.vectorizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "A 2xx means on disk": acknowledged writes survive a graceful restart and a kill -9 right after the answer. */
class DurabilityIT {

    private static final int BATCHES = 20;
    private static final int PER_BATCH = 50;

    @TempDir
    Path workDir;

    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9() throws Exception {
        try (ServerProcess server = new ServerProcess(workDir, "-Dvectorizer.mode=single").start()) {
            Http http = server.http();
            assertThat(http.post("api/collections", "application/json", "{\"name\":\"durable\",\"dimension\":4}").status()).isEqualTo(201);
            for (int b = 0; b < BATCHES; b++) {
                assertThat(http.post("api/collections/durable/vectors", "application/json", batch(b)).status()).isEqualTo(200);
            }
            assertThat(http.post("api/collections/durable/vectors/delete", "application/json", "{\"ids\":[\"b0-0\",\"b0-1\"]}")
                    .json().getInt("deleted")).isEqualTo(2);
            assertThat(server.output()).as("Lucene runs with the Panama vector API")
                    .contains("Java vector incubator API enabled");
            server.kill();
        }

        try (ServerProcess server = new ServerProcess(workDir, "-Dvectorizer.mode=single").start()) {
            Http http = server.http();
            assertThat(http.get("api/collections/durable").json().getInt("vector_count")).isEqualTo(BATCHES * PER_BATCH - 2);
            assertThat(http.get("api/collections/durable/vectors/b0-0").status()).as("the delete survived too").isEqualTo(404);
            assertThat(http.get("api/collections/durable/vectors/b19-49").json().getJsonObject("payload").getInt("batch")).isEqualTo(19);
            assertThat(http.post("api/collections/durable/search", "application/json", "{\"vector\":[19,49,1,1],\"limit\":1}")
                    .json().getJsonArray("results").getJsonObject(0).getString("id")).isEqualTo("b19-49");
        }

        try (ServerProcess server = new ServerProcess(workDir, "-Dvectorizer.mode=single").start()) {
            assertThat(server.http().get("api/collections/durable").json().getInt("vector_count"))
                    .as("still all there after a graceful restart").isEqualTo(BATCHES * PER_BATCH - 2);
        }
    }

    private static String batch(int b) {
        return IntStream.range(0, PER_BATCH)
                .mapToObj(i -> "{\"id\":\"b%d-%d\",\"vector\":[%d,%d,1,1],\"payload\":{\"batch\":%d}}".formatted(b, i, b, i, b))
                .collect(Collectors.joining(",", "{\"vectors\":[", "]}"));
    }
}
