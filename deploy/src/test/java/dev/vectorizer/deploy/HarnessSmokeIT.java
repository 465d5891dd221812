package dev.vectorizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.adapter.hub.HiveHubStandIn;
import dev.vectorizer.bench.failover.FailoverHarness;
import dev.vectorizer.bench.failover.FailoverReport;
import dev.vectorizer.bench.load.TenantsLoadHarness;
import dev.vectorizer.bench.load.TenantsLoadReport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HiveHub failover and multi-tenant load harnesses (bench/run-failover.sh,
 * bench/run-tenants-load.sh; docs/RELIABILITY.md, docs/PERFORMANCE.md) in their short forms, one
 * server start each. Failover: tenants' clients against the uber-jar in hub mode while the HiveHub
 * stand-in is stopped, slowed, erroring and garbled; no wrong answer, no lost write, no usage lost
 * or counted twice. Load: 20 tenants with plans, a mix of searches, upserts and texts; no error but
 * the plans' refusals, and every tenant ends with exactly its acknowledged vectors within its quotas.
 */
class HarnessSmokeIT {

    private static final long SEED = 20261129L;

    @TempDir
    Path workDir;

    @Test
    void hiveHubFailingGivesNoWrongAnswerAndLosesNothing() throws Exception {
        try (HiveHubStandIn hub = FailoverHarness.startHub();
                HarnessServer server = new HarnessServer(workDir, FailoverHarness.serverArgs(hub).toArray(String[]::new))) {
            server.start();

            FailoverReport report = new FailoverHarness(server.base(), hub, SEED, FailoverHarness.Settings.smoke()).run();

            System.out.println(report.markdown());
            assertThat(report.servedWhileImpaired()).as("served from cache while HiveHub was impaired").isPositive();
            assertThat(report.unavailable()).as("503 HUB_UNAVAILABLE").isPositive();
            assertThat(report.writesChecked()).as("acknowledged writes checked").isPositive();
            assertThat(report.findings()).as(report.markdown()).isEmpty();
            assertThat(server.log().lines().filter(line -> line.contains("SEVERE"))).as("SEVERE lines in the server log").isEmpty();
        }
    }

    @Test
    void tenantsUnderLoadGetNoErrorAndExactQuotas() throws Exception {
        try (HarnessServer server = new HarnessServer(workDir)) {
            server.start();

            TenantsLoadReport report = new TenantsLoadHarness(server.base(), server.adminKey(), SEED, TenantsLoadHarness.Settings.smoke()).run();

            System.out.println(report.markdown());
            assertThat(report.served()).as("requests served").isPositive();
            assertThat(report.quotaRefusals()).as("inserts refused at a plan's max_vectors").isPositive();
            assertThat(report.tenantsAtLimit()).as("tenants filled up to their max_vectors").isPositive();
            assertThat(report.findings()).as(report.markdown()).isEmpty();
            assertThat(server.log().lines().filter(line -> line.contains("SEVERE"))).as("SEVERE lines in the server log").isEmpty();
        }
    }
}
