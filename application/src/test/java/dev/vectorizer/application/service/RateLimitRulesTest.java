package dev.vectorizer.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.UsageSettings;
import dev.vectorizer.application.port.in.AdmitRequestQuery.Admission;
import dev.vectorizer.application.port.in.AuthenticateQuery.Credentials;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.quota.Limit;
import dev.vectorizer.domain.quota.LimitUse;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.quota.RateLimitExceededException;
import dev.vectorizer.domain.quota.RateLimitStatus;
import dev.vectorizer.domain.tenant.ApiKey;
import dev.vectorizer.domain.tenant.ApiKeyId;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import dev.vectorizer.domain.tenant.AuthenticationException;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Principal;
import dev.vectorizer.domain.tenant.RateLimits;
import dev.vectorizer.domain.tenant.Tenant;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limits as request admission applies them, on a clock the test moves. */
class RateLimitRulesTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final Caller.InstallationAdmin ROOT = new Caller.InstallationAdmin(new ApiKeyId("AAAAAAAAAAAA"));

    private final MovableClock clock = new MovableClock();
    private final InMemoryPorts.Audit audit = new InMemoryPorts.Audit();
    private final InMemoryDirectory directory = new InMemoryDirectory(audit);
    private final InMemoryPorts.Catalog catalog = new InMemoryPorts.Catalog();
    private final InMemoryPorts.Index index = new InMemoryPorts.Index();
    private final ServerSettings settings = new ServerSettings(ServerMode.STANDALONE);
    private final InMemoryUsage usage = new InMemoryUsage(catalog, index, tenant -> directory.findTenant(tenant).map(Tenant::quota).orElse(Quota.NONE),
            UsageSettings.DEFAULT, clock);
    private final TenantService tenants = new TenantService(directory, audit, new TenantRemoval(directory, catalog, index,
            new InMemoryPorts.HubKeys(), usage.ledger, usage.reporting, new InMemoryPorts.Backups(), new InMemoryPorts.Backups()), clock);
    private final ApiKeyService keys = new ApiKeyService(directory, settings, audit, clock);
    private final AdmissionService admission = new AdmissionService(
            new AuthenticationService(settings, directory, new InMemoryFailures(), audit, token -> Optional.empty(), new InMemoryPorts.HubKeys(),
                    new InMemoryPorts.Nonces(), clock),
            usage.limiter, usage.requests, usage.metrics);
    private final UsageService usageQuery = new UsageService(usage.ledger, usage.limiter, usage.requests, new InMemoryPorts.Backups());
    private String key;

    @BeforeEach
    void tenant() {
        clock.advance(Duration.ofSeconds(30)); // 00:00:30, half a minute before the minute window resets
        tenants.createTenant(ROOT, Optional.of(ACME), "Acme", new Quota(Map.of(Limit.RPM, 3L, Limit.RPH, 5L)));
        key = keys.createKey(ROOT, ACME, Set.of(Permission.READ_WRITE), false, Optional.empty()).secret();
    }

    private Admission admit() {
        return admission.admit(new Credentials(Optional.of(key), Optional.empty(), "10.0.0.1"));
    }

    @Test
    void everyAdmittedRequestSaysWhereItStandsAndTheOneOverTheLimitWhenToRetry() {
        assertThat(admit().rateLimit()).contains(new RateLimitStatus(3, 2, Duration.ofSeconds(30)));
        admit();
        assertThat(admit().rateLimit()).contains(new RateLimitStatus(3, 0, Duration.ofSeconds(30)));
        assertThatThrownBy(this::admit).isInstanceOfSatisfying(RateLimitExceededException.class, refused -> {
            assertThat(refused.status()).isEqualTo(new RateLimitStatus(3, 0, Duration.ofSeconds(30)));
            assertThat(refused.retryAfterSeconds()).isEqualTo(30);
        });
        assertThat(usage.metrics.count("rate_limited:MINUTE")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(30)); // the next minute: a fresh window, the hour still counts
        assertThat(admit().rateLimit()).as("the hour window is now the closest to exhaustion")
                .contains(new RateLimitStatus(5, 1, Duration.ofMinutes(59)));
        admit();
        assertThatThrownBy(this::admit).isInstanceOfSatisfying(RateLimitExceededException.class,
                refused -> assertThat(refused.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(59).toSeconds()));
        clock.advance(Duration.ofHours(1));
        assertThat(admit().rateLimit()).contains(new RateLimitStatus(3, 2, Duration.ofMinutes(1)));
    }

    @Test
    void aRefusedRequestCountsNowhere() {
        for (int i = 0; i < 3; i++) {
            admit();
        }
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(this::admit).isInstanceOf(RateLimitExceededException.class);
        }
        clock.advance(Duration.ofMinutes(1));
        Caller.OfTenant caller = (Caller.OfTenant) admit().caller();
        assertThat(usageQuery.quota(caller)).contains(new LimitUse(Limit.RPH, OptionalLong.of(5), 4), new LimitUse(Limit.RPD, OptionalLong.empty(), 4));
        assertThat(usage.requests.requests(ACME).today()).as("only admitted requests are counted").isEqualTo(4);
    }

    @Test
    void aNewPlanAppliesToTheNextRequest() {
        tenants.setQuota(ROOT, ACME, Quota.NONE);
        for (int i = 0; i < 10; i++) {
            assertThat(admit().rateLimit()).as("unlimited: no status to report").isEmpty();
        }
        tenants.setQuota(ROOT, ACME, new Quota(Map.of(Limit.RPM, 11L)));
        assertThat(admit().rateLimit()).contains(new RateLimitStatus(11, 0, Duration.ofSeconds(30)));
    }

    @Test
    void aKeyWithRateLimitsOfItsOwnIsHeldToThemAndToItsTenantsPlan() {
        Caller.OfTenant limitedKey = new Caller.OfTenant(ACME, new Principal.HubKeyHolder("key-a"), Set.of(Permission.READ_WRITE), false,
                new RateLimits(OptionalLong.of(2), OptionalLong.empty(), OptionalLong.empty()));
        Caller.OfTenant otherKey = new Caller.OfTenant(ACME, new Principal.HubKeyHolder("key-b"), Set.of(Permission.READ_WRITE), false);

        assertThat(usage.limiter.admit(limitedKey)).as("the key's own minute is closest to exhaustion")
                .contains(new RateLimitStatus(2, 1, Duration.ofSeconds(30)));
        usage.limiter.admit(limitedKey);
        assertThatThrownBy(() -> usage.limiter.admit(limitedKey)).as("the key's own limit, though its tenant has room")
                .isInstanceOfSatisfying(RateLimitExceededException.class, refused -> assertThat(refused.status().limit()).isEqualTo(2));
        assertThat(usage.limiter.admit(otherKey)).as("the refusal counted nowhere: the tenant's third request of the minute")
                .contains(new RateLimitStatus(3, 0, Duration.ofSeconds(30)));
        assertThatThrownBy(() -> usage.limiter.admit(otherKey)).as("the tenant's plan binds every key")
                .isInstanceOfSatisfying(RateLimitExceededException.class, refused -> assertThat(refused.status().limit()).isEqualTo(3));

        clock.advance(Duration.ofSeconds(30)); // the next minute: the key's minute is fresh, the tenant's hour has 1 left of 5
        assertThat(usage.limiter.admit(limitedKey)).contains(new RateLimitStatus(5, 1, Duration.ofMinutes(59)));
    }

    @Test
    void theAdministratorIsNotRateLimitedAndRefusedLoginsAreCountedByReason() {
        ApiKeySecret secret = ApiKeySecret.generate(false);
        directory.addKey(ApiKey.issue(secret, Optional.empty(), Set.of(Permission.ADMIN), clock.instant(), Optional.empty()));
        String rootKey = secret.reveal();
        for (int i = 0; i < 10; i++) {
            Admission admitted = admission.admit(new Credentials(Optional.of(rootKey), Optional.empty(), "10.0.0.2"));
            assertThat(admitted.rateLimit()).isEmpty();
        }
        assertThatThrownBy(() -> admission.admit(new Credentials(Optional.empty(), Optional.empty(), "10.0.0.3")))
                .isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> admission.admit(new Credentials(Optional.of("nonsense"), Optional.empty(), "10.0.0.3")))
                .isInstanceOf(AuthenticationException.class);
        assertThat(usage.metrics.count("auth_failed:missing")).isEqualTo(1);
        assertThat(usage.metrics.count("auth_failed:invalid")).isEqualTo(1);
    }
}
