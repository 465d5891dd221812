package dev.vectorizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vectorizer.ear} on WildFly Preview (Jakarta EE 11), set up with {@code jboss-cli.sh} as
 * docs/DEPLOYMENT.md tells an operator: the data directory as a server system property, Micrometer
 * with its Prometheus registry for the metrics (WildFly has no MicroProfile Metrics), the EAR deployed
 * from where it lies. It serves tenants, collections and search, reports readiness and metrics on the
 * management interface, and undeploys.
 */
class WildFlyIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS) // a failure keeps the server's directory and its log
    Path workDir;

    @Test
    void theEarServesTenantsCollectionsAndSearchWithReadinessAndMetricsOnTheManagementInterface() throws Exception {
        Path dataDir = workDir.resolve("vectorizer-data");
        String ear = System.getProperty("vectorizer.ear");
        // WildFly Preview rewrites javax.* to jakarta.* in every deployment; ours is jakarta.* already and too big for it
        String javaOpts = "-Xms256m -Xmx2g -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true "
                + System.getProperty("vectorizer.jvm.flags") + " -Dorg.wildfly.unsupported.skip.jakarta.transformer=true";
        try (WildFlyServer server = WildFlyServer.start(workDir, javaOpts)) {
            server.cli("/system-property=vectorizer.data-dir:add(value=\"" + dataDir + "\")",
                    "/extension=org.wildfly.extension.micrometer:add",
                    "/subsystem=micrometer:add",
                    "/subsystem=micrometer/registry=prometheus:add(context=/metrics, security-enabled=false)",
                    "reload",
                    "deploy " + ear + " --unmanaged --name=vectorizer.ear");

            Http management = new Http(server.management());
            Http.Answer ready = management.get("health/ready");
            assertThat(ready.status()).as(ready.body()).isEqualTo(200);
            Http acme = TenantJourney.acmeWithCollection(new Http(server.http()), dataDir);
            assertThat(acme.get("api/collections").status()).isEqualTo(200);
            assertThat(management.get("metrics").body()).as("the Micrometer adapter's series, as Prometheus text")
                    .containsPattern("vectorizer_requests_seconds_count\\{[^}]*operation=\"CollectionsResource.create\"[^}]*status=\"201\"")
                    .containsPattern("vectorizer_open_collections(\\{[^}]*})? 1");

            assertThat(Files.readString(server.log())).as("Lucene uses the vector API: jboss-deployment-structure.xml gives the WAR the JDK modules")
                    .contains("Java vector incubator API enabled");

            server.cli("undeploy vectorizer.ear");
            assertThat(new Http(server.http()).get("api/info").status()).isEqualTo(404);
        }
    }
}
