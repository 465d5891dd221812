package dev.vectorizer.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.UsageSettings;
import dev.vectorizer.application.port.in.AuthenticateQuery.Credentials;
import dev.vectorizer.application.port.in.ManageApiKeysUseCase.IssuedKey;
import dev.vectorizer.application.port.out.TokenVerifierPort;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.UnavailableException;
import dev.vectorizer.domain.quota.Quota;
import dev.vectorizer.domain.tenant.ApiKeyId;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.AuthenticationException;
import dev.vectorizer.domain.tenant.BruteForcePolicy;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.ForbiddenException;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Principal;
import dev.vectorizer.domain.tenant.TokenClaims;
import dev.vectorizer.domain.tenant.TooManyFailuresException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Authentication against an in-memory directory, real administration services and a hand-moved clock. */
class AuthenticationRulesTest {

    private static final TenantId ACME = new TenantId("acme");
    private static final Caller.InstallationAdmin ROOT = new Caller.InstallationAdmin(new ApiKeyId("AAAAAAAAAAAA"));

    private final InMemoryPorts.Audit audit = new InMemoryPorts.Audit();
    private final InMemoryDirectory directory = new InMemoryDirectory(audit);
    private final MovableClock clock = new MovableClock();
    private final InMemoryFailures failures = new InMemoryFailures();
    private final ServerSettings settings = new ServerSettings(ServerMode.STANDALONE, false, Duration.ofDays(7),
            new BruteForcePolicy(3, Duration.ofSeconds(60), Duration.ofSeconds(300)), Duration.ofHours(24));
    private final InMemoryPorts.HubKeys hubKeys = new InMemoryPorts.HubKeys();
    private final InMemoryPorts.Nonces nonces = new InMemoryPorts.Nonces();
    private final Map<String, TokenClaims> validTokens = new HashMap<>();
    private final TokenVerifierPort tokens = token -> Optional.ofNullable(validTokens.get(token));
    private final AuthenticationService auth = new AuthenticationService(settings, directory, failures, audit, tokens, hubKeys, nonces, clock);
    private final InMemoryPorts.Catalog catalog = new InMemoryPorts.Catalog();
    private final InMemoryPorts.Index index = new InMemoryPorts.Index();
    private final InMemoryUsage usage = new InMemoryUsage(catalog, index, UsageSettings.DEFAULT, clock);
    private final InMemoryPorts.Backups backups = new InMemoryPorts.Backups();
    private final TenantService tenants = new TenantService(directory, audit,
            new TenantRemoval(directory, catalog, index, hubKeys, usage.ledger, usage.reporting, backups, backups), clock);
    private final ApiKeyService keys = new ApiKeyService(directory, settings, audit, clock);

    @BeforeEach
    void tenant() {
        tenants.createTenant(ROOT, Optional.of(ACME), "Acme", Quota.NONE);
    }

    private Caller login(String key) {
        return loginFrom("10.0.0.1", key);
    }

    private Caller loginFrom(String address, String key) {
        return auth.authenticate(new Credentials(Optional.of(key), Optional.empty(), address));
    }

    private TokenClaims claims(String subject, String tenant, String... groups) {
        return new TokenClaims(subject, Optional.ofNullable(tenant), Set.of(groups), Optional.of(clock.instant()), clock.instant().plusSeconds(3600));
    }

    private static String wrongSecretOf(String key) {
        return key.substring(0, key.length() - 1) + (key.endsWith("Z") ? "Y" : "Z");
    }

    @Test
    void aValidKeyActsForItsTenantWithItsPermissions() {
        IssuedKey issued = keys.createKey(ROOT, ACME, Set.of(Permission.READ_ONLY), false, Optional.empty());

        Caller caller = login(issued.secret());

        assertThat(caller).isEqualTo(new Caller.OfTenant(ACME, new Principal.KeyHolder(issued.key().id()), Set.of(Permission.READ_ONLY), false));
        assertThat(directory.keys.get(issued.key().id()).hash()).isNotEqualTo(issued.secret()).hasSize(64);
    }

    @Test
    void aVerifiedTokenActsForItsTenantClaimWithItsGroupsAsPermissions() {
        validTokens.put("jwt-reader", claims("alice", "acme", "READ_ONLY", "some-other-group"));
        validTokens.put("jwt-no-tenant", claims("bob", null, "READ_WRITE"));
        validTokens.put("jwt-unknown-tenant", claims("carol", "nobody", "READ_WRITE"));
        validTokens.put("jwt-bad-tenant", claims("dave", "../etc", "READ_WRITE"));

        assertThat(login("jwt-reader")).isEqualTo(new Caller.OfTenant(ACME, new Principal.TokenSubject("alice"), Set.of(Permission.READ_ONLY), false));
        List<String> refused = List.of("jwt-no-tenant", "jwt-unknown-tenant", "jwt-bad-tenant", "jwt-forged");
        for (int i = 0; i < refused.size(); i++) {
            String token = refused.get(i);
            String ownAddress = "10.1.0." + i;
            assertThatThrownBy(() -> loginFrom(ownAddress, token)).as(token).isInstanceOf(AuthenticationException.class);
        }
        tenants.suspendTenant(ROOT, ACME);
        assertThatThrownBy(() -> login("jwt-reader")).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void tokensMeantToLiveLongerThanTheCapAreRefused() {
        Instant now = clock.instant();
        validTokens.put("day", new TokenClaims("a", Optional.of("acme"), Set.of("READ_ONLY"), Optional.of(now.minusSeconds(3600)),
                now.plus(Duration.ofHours(23))));
        validTokens.put("day-and-a-second", new TokenClaims("b", Optional.of("acme"), Set.of("READ_ONLY"), Optional.of(now),
                now.plus(Duration.ofHours(24)).plusSeconds(1)));
        validTokens.put("issued-long-ago", new TokenClaims("c", Optional.of("acme"), Set.of("READ_ONLY"), Optional.of(now.minus(Duration.ofDays(30))),
                now.plusSeconds(60)));
        validTokens.put("no-iat-a-year", new TokenClaims("d", Optional.of("acme"), Set.of("READ_ONLY"), Optional.empty(), now.plus(Duration.ofDays(365))));
        validTokens.put("future-iat", new TokenClaims("e", Optional.of("acme"), Set.of("READ_ONLY"), Optional.of(now.plus(Duration.ofHours(2))),
                now.plus(Duration.ofHours(25))));

        assertThat(login("day")).isInstanceOf(Caller.OfTenant.class);
        List<String> refused = List.of("day-and-a-second", "issued-long-ago", "no-iat-a-year", "future-iat");
        for (int i = 0; i < refused.size(); i++) {
            String token = refused.get(i);
            String ownAddress = "10.2.0." + i;
            assertThatThrownBy(() -> loginFrom(ownAddress, token)).as(token).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void theApiKeyHeaderCarriesApiKeysOnlyAndTwoDifferentCredentialsAreRefused() {
        validTokens.put("jwt-reader", claims("alice", "acme", "READ_ONLY"));
        IssuedKey issued = keys.createKey(ROOT, ACME, Set.of(Permission.READ_ONLY), false, Optional.empty());
        IssuedKey other = keys.createKey(ROOT, ACME, Set.of(Permission.READ_WRITE), false, Optional.empty());

        assertThat(auth.authenticate(new Credentials(Optional.empty(), Optional.of(issued.secret()), "10.3.0.1"))).isInstanceOf(Caller.OfTenant.class);
        assertThat(auth.authenticate(new Credentials(Optional.of(issued.secret()), Optional.of(issued.secret()), "10.3.0.1")))
                .as("the same key twice").isInstanceOf(Caller.OfTenant.class);
        assertThatThrownBy(() -> auth.authenticate(new Credentials(Optional.empty(), Optional.of("jwt-reader"), "10.3.0.2")))
                .as("a JWT in X-API-Key").isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> auth.authenticate(new Credentials(Optional.of("jwt-reader"), Optional.of("jwt-reader"), "10.3.0.3")))
                .as("a JWT in both").isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> auth.authenticate(new Credentials(Optional.of(issued.secret()), Optional.of(other.secret()), "10.3.0.4")))
                .as("two different keys").isInstanceOf(AuthenticationException.class);
    }

    @Test
    void missingAndInvalidCredentialsAreTold() {
        assertThatThrownBy(() -> auth.authenticate(new Credentials(Optional.empty(), Optional.of("  "), "10.0.0.1")))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.MISSING));
        assertThatThrownBy(() -> login("hh_live_" + "B".repeat(40)))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.INVALID));
    }

    @Test
    void suspendedTenantsAreForbiddenAndDeletedOnesUnknown() {
        IssuedKey issued = keys.createKey(ROOT, ACME, Set.of(Permission.READ_WRITE), false, Optional.empty());
        tenants.suspendTenant(ROOT, ACME);
        assertThatThrownBy(() -> login(issued.secret())).isInstanceOf(ForbiddenException.class);
        tenants.resumeTenant(ROOT, ACME);
        assertThat(login(issued.secret())).isInstanceOf(Caller.OfTenant.class);
        tenants.deleteTenant(ROOT, ACME);
        assertThatThrownBy(() -> login(issued.secret())).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void failuresBlockTheirAddressButNobodyCanLockAKeyHolderOut() {
        IssuedKey issued = keys.createKey(ROOT, ACME, Set.of(Permission.READ_WRITE), false, Optional.empty());
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> loginFrom("10.6.6.6", wrongSecretOf(issued.secret()))).isInstanceOf(AuthenticationException.class);
        }

        assertThatThrownBy(() -> loginFrom("10.6.6.6", issued.secret())).as("the guessing address is blocked, even with the right key")
                .isInstanceOf(TooManyFailuresException.class);
        assertThat(loginFrom("10.0.0.1", issued.secret())).as("the key holder elsewhere is not").isInstanceOf(Caller.OfTenant.class);
        clock.advance(Duration.ofSeconds(301));
        assertThat(loginFrom("10.6.6.6", issued.secret())).isInstanceOf(Caller.OfTenant.class);
    }

    @Test
    void administrationAndFailuresAreAudited() {
        IssuedKey issued = keys.createKey(ROOT, ACME, Set.of(Permission.READ_WRITE), false, Optional.empty());
        keys.revokeKey(ROOT, ACME, issued.key().id());
        assertThatThrownBy(() -> login(issued.secret())).isInstanceOf(AuthenticationException.class);

        assertThat(audit.events).extracting(AuditEvent::action).containsExactly(
                AuditEvent.Action.TENANT_CREATE, AuditEvent.Action.KEY_CREATE,
                AuditEvent.Action.KEY_REVOKE, AuditEvent.Action.AUTH_FAILURE);
        assertThat(audit.events.get(1).actor()).isEqualTo("admin:AAAAAAAAAAAA");
        assertThat(audit.events.getLast().actor()).isEqualTo("anonymous");
        assertThat(audit.events.getLast().target()).isEqualTo("ip:10.0.0.1 key:" + issued.key().id());
    }

    @Test
    void theAuditLogNamesAKeyByItsIdAndATokenByItsSubject() {
        var collections = new CollectionService(catalog, index, new InMemoryPorts.LetterCounts(), audit, usage.ledger, usage.operations, clock);
        var spec = new CollectionSpec(3, Metric.COSINE, HnswSettings.DEFAULT, Quantization.NONE, Optional.empty());
        IssuedKey issued = keys.createKey(ROOT, ACME, Set.of(Permission.READ_WRITE), false, Optional.empty());
        validTokens.put("jwt-writer", claims("alice@example.com", "acme", "READ_WRITE"));

        for (String credential : List.of(issued.secret(), "jwt-writer")) {
            Caller.OfTenant caller = (Caller.OfTenant) login(credential);
            collections.create(caller, new CollectionName("docs"), spec);
            collections.delete(caller, new CollectionName("docs"));
        }

        assertThat(audit.events).filteredOn(e -> e.action() == AuditEvent.Action.COLLECTION_DELETE).extracting(AuditEvent::actor)
                .containsExactly(issued.key().id().value(), "jwt:alice@example.com");
    }

    @Test
    void singleModeServesLoopbackClientsOnlyUnlessRemoteOnesAreAllowed() {
        var single = new AuthenticationService(new ServerSettings(ServerMode.SINGLE), directory, failures, audit, tokens, hubKeys, nonces, clock);
        for (String local : List.of("127.0.0.1", "127.0.1.1", "::1", "0:0:0:0:0:0:0:1")) {
            assertThat(single.authenticate(new Credentials(Optional.empty(), Optional.empty(), local))).as(local)
                    .isEqualTo(Caller.OfTenant.singleMode());
        }
        for (String remote : List.of("10.0.0.1", "192.168.1.20", "2001:db8::1", "localhost", "")) {
            assertThatThrownBy(() -> single.authenticate(new Credentials(Optional.empty(), Optional.empty(), remote))).as(remote)
                    .isInstanceOf(ForbiddenException.class);
        }
        var open = new AuthenticationService(new ServerSettings(ServerMode.SINGLE, true, Duration.ofDays(7), BruteForcePolicy.DEFAULT,
                Duration.ofHours(1)), directory, failures, audit, tokens, hubKeys, nonces, clock);
        assertThat(open.authenticate(new Credentials(Optional.empty(), Optional.empty(), "10.0.0.1"))).isEqualTo(Caller.OfTenant.singleMode());
    }
}
