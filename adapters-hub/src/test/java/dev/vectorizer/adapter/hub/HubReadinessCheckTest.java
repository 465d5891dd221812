package dev.vectorizer.adapter.hub;

import static dev.vectorizer.adapter.hub.HubClientTest.SERVICE_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Readiness before and after the application has started. */
class HubReadinessCheckTest {

    @BeforeAll
    static void healthResponses() {
        PlainHealthResponses.install();
    }

    @Test
    void beforeTheApplicationHasStartedItIsDownAndReadsNothing() {
        HubReadinessCheck check = new HubReadinessCheck(null); // a read would throw

        HealthCheckResponse response = check.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("status", "starting"));
    }

    @Test
    void onceStartedItSaysHowHiveHubIs() throws Exception {
        try (HiveHubStandIn hub = HiveHubStandIn.start(SERVICE_KEY)) {
            HubClientSettings settings = HubClientTest.settings(hub.url(), SERVICE_KEY);
            HubClient client = new HubClient(settings, Clock.systemUTC());
            HubReadinessCheck check = new HubReadinessCheck(new HubStatusReport(client, new HubKeyValidation(client, settings, Clock.systemUTC()), settings));
            check.onStart(new Object());

            HealthCheckResponse response = check.call();

            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsKey("breaker"));
        }
    }
}
