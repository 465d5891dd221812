package dev.vectorizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/MIGRATION.md, followed step by step: single-mode data becomes a named tenant's in standalone mode. */
class MigrationIT {

    @TempDir
    Path workDir;

    @Test
    void singleModeCollectionsAreAdoptedByATenantIdempotently() throws Exception {
        try (ServerProcess single = new ServerProcess(workDir, "-Dvectorizer.mode=single").start()) {
            Http http = single.http();
            assertThat(http.postJson("api/collections", "{\"name\":\"docs\",\"dimension\":2}").status()).isEqualTo(201);
            assertThat(http.postJson("api/collections/docs/vectors", "{\"vectors\":[{\"id\":\"a\",\"vector\":[1,0],\"payload\":{\"n\":1}}]}")
                    .status()).isEqualTo(200);
        }

        try (ServerProcess standalone = new ServerProcess(workDir).start()) {
            Http admin = standalone.http().withKey(Files.readString(workDir.resolve("data/admin.key")).strip());
            assertThat(admin.postJson("api/admin/tenants", "{\"id\":\"acme\",\"name\":\"Acme\"}").status()).isEqualTo(201);
            Http acme = standalone.http().withKey(admin.postJson("api/admin/tenants/acme/keys", "{\"permissions\":[\"READ_WRITE\"]}")
                    .json().getString("key"));
            assertThat(acme.get("api/collections/docs").status()).as("not yet adopted").isEqualTo(404);

            assertThat(admin.postJson("api/admin/tenants/acme/adopt-single-mode-data", "{}").json().getJsonArray("adopted").getString(0))
                    .isEqualTo("docs");
            assertThat(admin.postJson("api/admin/tenants/acme/adopt-single-mode-data", "{}").json().getJsonArray("adopted"))
                    .as("re-running is harmless").isEmpty();

            assertThat(acme.get("api/collections/docs").json().getInt("vector_count")).isEqualTo(1);
            assertThat(acme.get("api/collections/docs/vectors/a").json().getJsonObject("payload").getInt("n")).isEqualTo(1);
            // {name}.{incarnation}: the collection keeps its incarnation when it moves
            try (var moved = Files.list(workDir.resolve("data/tenants/acme"))) {
                assertThat(moved).singleElement().satisfies(dir -> {
                    assertThat(dir.getFileName().toString()).startsWith("docs.");
                    assertThat(dir).isDirectoryContaining("glob:**/segments_*"); // the index, moved whole
                });
            }
            try (var left = Files.list(workDir.resolve("data/tenants/default"))) {
                assertThat(left).isEmpty();
            }
        }
    }
}
