package dev.vectorizer.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.port.in.AuthenticateQuery.Credentials;
import dev.vectorizer.application.port.in.ManageApiKeysUseCase.IssuedKey;
import dev.vectorizer.application.port.out.FailedAuthenticationsPort;
import dev.vectorizer.application.port.out.TokenVerifierPort;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.UnavailableException;
import dev.vectorizer.domain.tenant.ApiKeyId;
import dev.vectorizer.domain.tenant.ApiKeyStatus;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.AuthenticationException;
import dev.vectorizer.domain.tenant.BruteForcePolicy;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.ForbiddenException;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.TokenClaims;
import dev.vectorizer.domain.tenant.TooManyFailuresException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Authentication and key administration against an in-memory directory and a hand-moved clock. */
class AuthenticationRulesTest {

    private static final TenantId ACME = new TenantId("acme");

    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final MovableClock clock = new MovableClock();
    private final Failures failures = new Failures();
    private final ServerSettings settings = new ServerSettings(ServerMode.STANDALONE, Duration.ofDays(7),
            new BruteForcePolicy(3, Duration.ofSeconds(60), Duration.ofSeconds(300)));
    private final InMemoryPorts.Audit audit = new InMemoryPorts.Audit();
    private final Map<String, TokenClaims> validTokens = new HashMap<>();
    private final TokenVerifierPort tokens = token -> Optional.ofNullable(validTokens.get(token));
    private final AuthenticationService auth = new AuthenticationService(settings, directory, failures, audit, tokens, clock);
    private final InMemoryPorts.Catalog catalog = new InMemoryPorts.Catalog();
    private final InMemoryPorts.Index index = new InMemoryPorts.Index();
    private final TenantAdminService admin = new TenantAdminService(directory, catalog, index, settings, audit, clock);
    private final Caller root = new Caller.InstallationAdmin(new ApiKeyId("AAAAAAAAAAAA"));

    @BeforeEach
    void tenant() {
        admin.createTenant(root, Optional.of(ACME), "Acme");
    }

    private Caller login(String key) {
        return auth.authenticate(new Credentials(Optional.of(key), Optional.empty(), "10.0.0.1"));
    }

    @Test
    void aValidKeyActsForItsTenantWithItsPermissions() {
        IssuedKey issued = admin.createKey(root, ACME, Set.of(Permission.READ_ONLY), false, Optional.empty());

        Caller caller = login(issued.secret());

        assertThat(caller).isEqualTo(new Caller.OfTenant(ACME, Optional.of(issued.key().id()), Set.of(Permission.READ_ONLY), false));
        assertThat(directory.keys.get(issued.key().id()).hash()).isNotEqualTo(issued.secret()).hasSize(64);
    }

    @Test
    void aVerifiedTokenActsForItsTenantClaimWithItsGroupsAsPermissions() {
        validTokens.put("jwt-reader", new TokenClaims("alice", Optional.of("acme"), Set.of("READ_ONLY", "some-other-group")));
        validTokens.put("jwt-no-tenant", new TokenClaims("bob", Optional.empty(), Set.of("READ_WRITE")));
        validTokens.put("jwt-unknown-tenant", new TokenClaims("carol", Optional.of("nobody"), Set.of("READ_WRITE")));
        validTokens.put("jwt-bad-tenant", new TokenClaims("dave", Optional.of("../etc"), Set.of("READ_WRITE")));

        assertThat(login("jwt-reader")).isEqualTo(new Caller.OfTenant(ACME, Optional.empty(), Set.of(Permission.READ_ONLY), false));
        List<String> refused = List.of("jwt-no-tenant", "jwt-unknown-tenant", "jwt-bad-tenant", "jwt-forged");
        for (int i = 0; i < refused.size(); i++) {
            Credentials fromOwnAddress = new Credentials(Optional.of(refused.get(i)), Optional.empty(), "10.1.0." + i);
            assertThatThrownBy(() -> auth.authenticate(fromOwnAddress)).as(refused.get(i)).isInstanceOf(AuthenticationException.class);
        }
        admin.suspendTenant(root, ACME);
        assertThatThrownBy(() -> login("jwt-reader")).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void missingAndInvalidCredentialsAreTold() {
        assertThatThrownBy(() -> auth.authenticate(new Credentials(Optional.empty(), Optional.empty(), "10.0.0.1")))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.MISSING));
        assertThatThrownBy(() -> login("hh_live_" + "B".repeat(40)))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.INVALID));
    }

    @Test
    void suspendedTenantsAreForbiddenAndDeletedOnesUnknown() {
        IssuedKey issued = admin.createKey(root, ACME, Set.of(Permission.READ_WRITE), false, Optional.empty());
        admin.suspendTenant(root, ACME);
        assertThatThrownBy(() -> login(issued.secret())).isInstanceOf(ForbiddenException.class);
        admin.resumeTenant(root, ACME);
        assertThat(login(issued.secret())).isInstanceOf(Caller.OfTenant.class);
        admin.deleteTenant(root, ACME);
        assertThatThrownBy(() -> login(issued.secret())).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aRotatedKeyWorksUntilTheGraceEndsAndARevokedOneNotAtAll() {
        IssuedKey old = admin.createKey(root, ACME, Set.of(Permission.READ_WRITE), false, Optional.empty());
        IssuedKey fresh = admin.rotateKey(root, ACME, old.key().id());

        assertThat(fresh.key().permissions()).isEqualTo(old.key().permissions());
        clock.advance(Duration.ofDays(6));
        assertThat(login(old.secret())).isInstanceOf(Caller.OfTenant.class);
        clock.advance(Duration.ofDays(2));
        assertThatThrownBy(() -> login(old.secret())).isInstanceOf(AuthenticationException.class);
        assertThat(admin.listKeys(root, ACME)).filteredOn(k -> k.id().equals(old.key().id()))
                .singleElement().extracting(k -> k.status()).isEqualTo(ApiKeyStatus.EXPIRED);

        admin.revokeKey(root, ACME, fresh.key().id());
        assertThatThrownBy(() -> login(fresh.secret())).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void repeatedFailuresBlockTheAddressAndTheKey() {
        IssuedKey issued = admin.createKey(root, ACME, Set.of(Permission.READ_WRITE), false, Optional.empty());
        String wrong = issued.secret().substring(0, issued.secret().length() - 1) + (issued.secret().endsWith("Z") ? "Y" : "Z");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login(wrong)).isInstanceOf(AuthenticationException.class);
        }
        assertThatThrownBy(() -> login(issued.secret())).isInstanceOf(TooManyFailuresException.class);
        assertThatThrownBy(() -> auth.authenticate(new Credentials(Optional.of(issued.secret()), Optional.empty(), "10.9.9.9")))
                .as("the key is blocked from every address").isInstanceOf(TooManyFailuresException.class);
        clock.advance(Duration.ofSeconds(301));
        assertThat(login(issued.secret())).isInstanceOf(Caller.OfTenant.class);
    }

    @Test
    void administrationAndFailuresAreAudited() {
        IssuedKey issued = admin.createKey(root, ACME, Set.of(Permission.READ_WRITE), false, Optional.empty());
        admin.revokeKey(root, ACME, issued.key().id());
        assertThatThrownBy(() -> login(issued.secret())).isInstanceOf(AuthenticationException.class);

        assertThat(audit.events).extracting(e -> e.action()).containsExactly(
                AuditEvent.Action.TENANT_CREATE, AuditEvent.Action.KEY_CREATE,
                AuditEvent.Action.KEY_REVOKE, AuditEvent.Action.AUTH_FAILURE);
        assertThat(audit.events.get(1).actor()).isEqualTo("admin:AAAAAAAAAAAA");
        assertThat(audit.events.getLast().target()).contains("ip:10.0.0.1").contains("key:" + issued.key().id());
    }

    @Test
    void singleModeDataIsAdoptedOnceAndARepeatIsHarmless() {
        var collections = new CollectionService(catalog, index, new InMemoryPorts.LetterCounts(), audit, clock);
        var spec = new CollectionSpec(3, Metric.COSINE, HnswSettings.DEFAULT,
                Quantization.NONE, Optional.empty());
        collections.create(Caller.OfTenant.singleMode(), new CollectionName("docs"), spec);

        assertThat(admin.adoptSingleModeData(root, ACME)).extracting(n -> n.value()).containsExactly("docs");
        assertThat(catalog.list(TenantId.DEFAULT)).isEmpty();
        assertThat(catalog.list(ACME)).extracting(c -> c.ref().name().value()).containsExactly("docs");
        assertThat(index.collections).containsOnlyKeys("acme:docs");
        assertThat(admin.adoptSingleModeData(root, ACME)).isEmpty();
    }

    @Test
    void adoptionRefusesToOverwriteACollectionOfTheSameName() {
        var collections = new CollectionService(catalog, index, new InMemoryPorts.LetterCounts(), audit, clock);
        var spec = new CollectionSpec(3, Metric.COSINE, HnswSettings.DEFAULT,
                Quantization.NONE, Optional.empty());
        collections.create(Caller.OfTenant.singleMode(), new CollectionName("docs"), spec);
        clock.advance(Duration.ofSeconds(1));
        collections.create(new Caller.OfTenant(ACME, Optional.empty(), Set.of(Permission.READ_WRITE), false),
                new CollectionName("docs"), spec);

        assertThatThrownBy(() -> admin.adoptSingleModeData(root, ACME)).isInstanceOf(ConflictException.class);
        assertThat(catalog.list(TenantId.DEFAULT)).hasSize(1);
    }

    @Test
    void onlyTheInstallationAdministratorManagesTenants() {
        Caller tenantAdmin = new Caller.OfTenant(ACME, Optional.empty(), Set.of(Permission.ADMIN), false);
        assertThatThrownBy(() -> admin.listTenants(tenantAdmin)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> admin.createKey(tenantAdmin, ACME, Set.of(Permission.ADMIN), false, Optional.empty()))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void singleModeNeedsNoCredentialsAndHubModeFailsClosed() {
        var single = new AuthenticationService(new ServerSettings(ServerMode.SINGLE), directory, failures, audit, tokens, clock);
        assertThat(single.authenticate(new Credentials(Optional.empty(), Optional.empty(), "127.0.0.1"))).isEqualTo(Caller.OfTenant.singleMode());
        var hub = new AuthenticationService(new ServerSettings(ServerMode.HUB), directory, failures, audit, tokens, clock);
        assertThatThrownBy(() -> hub.authenticate(new Credentials(Optional.of("hh_live_x"), Optional.empty(), "127.0.0.1")))
                .isInstanceOf(UnavailableException.class);
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private static final class Failures implements FailedAuthenticationsPort {
        private final Map<String, List<Instant>> failures = new HashMap<>();
        private final Map<String, Instant> blocks = new HashMap<>();

        @Override
        public int recordFailure(String source, Instant now, Duration window) {
            List<Instant> times = failures.computeIfAbsent(source, s -> new java.util.ArrayList<>());
            times.add(now);
            times.removeIf(t -> t.isBefore(now.minus(window)));
            return times.size();
        }

        @Override
        public void block(String source, Instant until) {
            blocks.put(source, until);
        }

        @Override
        public Optional<Instant> blockedUntil(String source, Instant now) {
            return Optional.ofNullable(blocks.get(source)).filter(now::isBefore);
        }
    }
}
