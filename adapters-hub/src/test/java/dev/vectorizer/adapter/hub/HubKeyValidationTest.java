package dev.vectorizer.adapter.hub;

import static dev.vectorizer.adapter.hub.HubClientTest.SERVICE_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.hub.HubStatus;
import dev.vectorizer.domain.hub.HubUnavailableException;
import dev.vectorizer.domain.hub.KeyVerdict;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Key verdicts cached as the contract says, against a stand-in HiveHub and a hand-moved clock:
 * revocation within one time to live, the negative time to live, single flight, grace while
 * HiveHub is down, deleted tenants, the bound on entries, and the status readiness reads.
 */
class HubKeyValidationTest {

    private final TestClock clock = new TestClock();
    private HiveHubStandIn hub;
    private HubKeyValidation keys;
    private HubStatusReport report;

    @BeforeEach
    void start() throws Exception {
        hub = HiveHubStandIn.start(SERVICE_KEY);
        HubClientSettings settings = HubClientTest.settings(hub.url(), SERVICE_KEY);
        HubClient client = new HubClient(settings, clock);
        keys = new HubKeyValidation(client, settings, clock);
        report = new HubStatusReport(client, keys, settings);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private KeyVerdict validate(String key) {
        return keys.validate(ApiKeySecret.parse(key).orElseThrow());
    }

    @Test
    void aRevokedKeyStopsWorkingWithinOneTimeToLive() {
        String key = hub.addKey("acme", "Acme");
        assertThat(validate(key)).isInstanceOf(KeyVerdict.Valid.class);
        hub.revoke(key);

        clock.advance(Duration.ofSeconds(299));
        assertThat(validate(key)).as("cached within the 300 s").isInstanceOf(KeyVerdict.Valid.class);
        assertThat(hub.validations()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(validate(key)).isEqualTo(new KeyVerdict.Invalid("revoked"));
    }

    @Test
    void anInvalidKeyIsAskedAgainAfterTheShortNegativeTimeToLive() {
        String key = ApiKeySecret.generate(false).reveal();
        validate(key);
        validate(key);
        assertThat(hub.validations()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        validate(key);
        assertThat(hub.validations()).isEqualTo(2);
    }

    @Test
    void aValidVerdictIsNotKeptPastTheKeysExpiry() {
        String key = hub.addKey(new HiveHubStandIn.Key("acme", "Acme", "k1", List.of("READ_ONLY"), false, clock.instant().plusSeconds(60), null,
                null, null));
        validate(key);
        clock.advance(Duration.ofSeconds(61));
        validate(key);
        assertThat(hub.validations()).isEqualTo(2);
    }

    @Test
    void thirtyTwoConcurrentFirstAsksMakeOneCall() throws Exception {
        String key = hub.addKey("acme", "Acme");
        hub.latency(Duration.ofMillis(300));
        CountDownLatch go = new CountDownLatch(1);
        Callable<KeyVerdict> ask = () -> {
            go.await();
            return validate(key);
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            List<Future<KeyVerdict>> submitted = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                submitted.add(pool.submit(ask));
            }
            go.countDown();
            for (Future<KeyVerdict> answer : submitted) {
                assertThat(answer.get()).isInstanceOf(KeyVerdict.Valid.class);
            }
        }
        assertThat(hub.validations()).isEqualTo(1);
    }

    @Test
    void whileHiveHubIsDownCachedValidVerdictsServeForTheirTimeToLiveAndTheGraceThenNot() throws Exception {
        String cached = hub.addKey("acme", "Acme");
        String invalid = ApiKeySecret.generate(false).reveal();
        String neverSeen = hub.addKey("acme", "Acme");
        validate(cached);
        validate(invalid);
        hub.down();

        assertThatThrownBy(() -> validate(neverSeen)).as("nothing cached: fail closed").isInstanceOf(HubUnavailableException.class);
        clock.advance(Duration.ofSeconds(300 + 119));
        assertThat(validate(cached)).as("past the time to live, within the grace").isInstanceOf(KeyVerdict.Valid.class);
        assertThatThrownBy(() -> validate(invalid)).as("an invalid verdict has no grace").isInstanceOf(HubUnavailableException.class);
        assertThat(report.status().canServe()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> validate(cached)).as("past the grace").isInstanceOf(HubUnavailableException.class);
        assertThat(report.status().connectivity()).isEqualTo(HubStatus.Connectivity.DOWN);
        assertThat(report.status().canServe()).as("nothing can stand in any more").isFalse();
    }

    @Test
    void aDeletedTenantsVerdictsAreDroppedAndNoneFetchedBeforeTheDeletionIsUsedAfterIt() {
        String key = hub.addKey("acme", "Acme");
        String other = hub.addKey("globex", "Globex");
        validate(key);
        validate(other);

        keys.forgetTenant(new TenantId("acme"));
        hub.revoke(key);

        assertThat(validate(key)).isEqualTo(new KeyVerdict.Invalid("revoked"));
        assertThat(validate(other)).isInstanceOf(KeyVerdict.Valid.class);
        assertThat(hub.validations()).isEqualTo(3);
    }

    @Test
    void atMostMaxEntriesVerdictsAreKept() throws Exception {
        HubClientSettings small = new HubClientSettings(Optional.of(hub.url()), SERVICE_KEY, Duration.ofSeconds(1), Duration.ofSeconds(1),
                0, Duration.ZERO, 3, Duration.ofSeconds(30), Duration.ofSeconds(300), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(60), 10, Duration.ofSeconds(30));
        HubKeyValidation bounded = new HubKeyValidation(new HubClient(small, clock), small, clock);
        for (int i = 0; i < 50; i++) {
            bounded.validate(ApiKeySecret.parse(hub.addKey("acme", "Acme")).orElseThrow());
        }
        assertThat(bounded.usableValidVerdicts()).isBetween(1, 10);
    }

    @Test
    void anIdleNodeProbesHiveHubInTheBackgroundWhenAskedForItsStatus() throws Exception {
        assertThat(report.status().connectivity()).isEqualTo(HubStatus.Connectivity.UP);
        awaitValidations(1);
        assertThat(report.status().lastSuccess()).contains(clock.instant());
        report.status();
        assertThat(hub.validations()).as("heard from just now: no probe").isEqualTo(1);
        hub.down();
        clock.advance(Duration.ofSeconds(31));
        report.status();
        Instant deadline = Instant.now().plusSeconds(10);
        while (report.status().lastFailure().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(report.status().connectivity()).isEqualTo(HubStatus.Connectivity.DEGRADED);
    }

    @Test
    void statusQueriesMakeTheTrialCallAnOpenBreakerWaitsFor() throws Exception {
        hub.down();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> validate(ApiKeySecret.generate(false).reveal())).isInstanceOf(HubUnavailableException.class);
        }
        assertThat(report.status().breaker()).isEqualTo(HubStatus.Breaker.OPEN);
        hub.up();
        clock.advance(Duration.ofSeconds(30));
        assertThat(report.status().connectivity()).as("half open: down until a trial succeeds").isEqualTo(HubStatus.Connectivity.DOWN);
        Instant deadline = Instant.now().plusSeconds(10);
        while (report.status().breaker() != HubStatus.Breaker.CLOSED && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(report.status().connectivity()).as("the probe was the trial").isEqualTo(HubStatus.Connectivity.UP);
    }

    private void awaitValidations(int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (hub.validations() < count || report.status().lastSuccess().isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no probe reached the stand-in");
            }
            Thread.sleep(20);
        }
    }
}
