package dev.vectorizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vectorizer.ear} on a full Payara Server 7 domain, set up with {@code asadmin} as
 * docs/DEPLOYMENT.md tells an operator: data directory by system property, the JVM flags by
 * {@code create-jvm-options}, the EAR by {@code deploy}. It serves tenants, collections and search,
 * and keeps its data and takes the JVM flags across a domain restart.
 */
class PayaraServerIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failure keeps the domain and its server.log
    Path workDir;

    @Test
    void theEarServesTenantsCollectionsAndSearchAndSurvivesARestart() throws Exception {
        Path dataDir = workDir.resolve("vectorizer-data");
        String ear = System.getProperty("vectorizer.ear");
        try (PayaraDomain domain = PayaraDomain.create(workDir)) {
            domain.start();
            domain.remote("create-system-properties", "vectorizer.data-dir=" + dataDir.toString().replace(":", "\\:"));
            // flags asadmin does not have yet (Payara 7's domain.xml already enables native access)
            domain.remote("create-jvm-options", "--add-modules=jdk.incubator.vector");
            domain.remote("deploy", "--name", "vectorizer", ear);
            domain.awaitReady();

            Http anonymous = new Http(domain.http());
            assertThat(anonymous.get("api/info").json().getString("mode")).isEqualTo("standalone");
            assertThat(dataDir.resolve("metadata/vectorizer.mv.db")).as("metadata in the configured data dir").exists();
            Http admin = anonymous.withKey(Files.readString(dataDir.resolve("admin.key")).strip());
            assertThat(admin.postJson("api/admin/tenants", "{\"id\":\"acme\",\"name\":\"Acme\"}").status()).isEqualTo(201);
            Http.Answer issued = admin.postJson("api/admin/tenants/acme/keys", "{\"permissions\":[\"READ_WRITE\"]}");
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            Http acme = anonymous.withKey(issued.json().getString("key"));
            assertThat(acme.postJson("api/collections", "{\"name\":\"docs\",\"dimension\":3}").status()).isEqualTo(201);
            assertThat(acme.postJson("api/collections/docs/vectors",
                    "{\"vectors\":[{\"id\":\"east\",\"vector\":[1,0,0]},{\"id\":\"north\",\"vector\":[0,1,0]}]}").status()).isEqualTo(200);
            assertNearestIsEast(acme);
            assertThat(anonymous.get("metrics?scope=application").body()).contains("vectorizer_requests_seconds");
            String installation = anonymous.get("api/info").json().getString("installation_id");

            domain.stop();
            domain.start();
            domain.awaitReady();

            assertThat(anonymous.get("api/info").json().getString("installation_id")).isEqualTo(installation);
            assertNearestIsEast(acme);
            assertThat(Files.readString(domain.log())).as("Lucene uses the vector API: the JVM option took effect")
                    .contains("Java vector incubator API enabled");
            domain.remote("undeploy", "vectorizer");
            assertThat(anonymous.get("health/ready").status()).isNotEqualTo(200);
        }
    }

    private static void assertNearestIsEast(Http tenant) {
        Http.Answer found = tenant.postJson("api/collections/docs/search", "{\"vector\":[0.9,0.1,0],\"limit\":1}");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().getJsonArray("results").getJsonObject(0).getString("id")).isEqualTo("east");
    }
}
