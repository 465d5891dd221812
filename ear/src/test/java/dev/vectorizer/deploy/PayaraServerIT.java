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
            Http acme = TenantJourney.acmeWithCollection(anonymous, dataDir);
            assertThat(anonymous.get("metrics?scope=application").body()).contains("vectorizer_requests_seconds");
            String installation = anonymous.get("api/info").json().getString("installation_id");

            domain.stop();
            domain.start();
            domain.awaitReady();

            assertThat(anonymous.get("api/info").json().getString("installation_id")).isEqualTo(installation);
            TenantJourney.assertNearestIsEast(acme);
            assertThat(Files.readString(domain.log())).as("Lucene uses the vector API: the JVM option took effect")
                    .contains("Java vector incubator API enabled");
            domain.remote("undeploy", "vectorizer");
            assertThat(anonymous.get("health/ready").status()).isNotEqualTo(200);
        }
    }
}
