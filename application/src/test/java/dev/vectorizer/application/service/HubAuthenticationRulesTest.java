package dev.vectorizer.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.UsageSettings;
import dev.vectorizer.application.port.in.AuthenticateQuery.Credentials;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.hub.HubKey;
import dev.vectorizer.domain.hub.HubUnavailableException;
import dev.vectorizer.domain.hub.KeyVerdict;
import dev.vectorizer.domain.hub.ServiceCallSignature;
import dev.vectorizer.domain.hub.SharedSecret;
import dev.vectorizer.domain.net.IpRange;
import dev.vectorizer.domain.tenant.ApiKeyId;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.AuthenticationException;
import dev.vectorizer.domain.tenant.BruteForcePolicy;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.ForbiddenException;
import dev.vectorizer.domain.tenant.IpAccessList;
import dev.vectorizer.domain.tenant.Operation;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Principal;
import dev.vectorizer.domain.tenant.RateLimits;
import dev.vectorizer.domain.tenant.Sha256;
import dev.vectorizer.domain.tenant.TenantStatus;
import dev.vectorizer.domain.tenant.TooManyFailuresException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Hub mode's rules: HiveHub's keys, its signed service calls, tenants on first use, IP access lists, trusted proxies. */
class HubAuthenticationRulesTest {

    static final SharedSecret SERVICE = new SharedSecret("service-secret-0123456789abcdefghijkl");
    static final SharedSecret SIGNING = new SharedSecret("signing-secret-0123456789abcdefghijkl");
    static final ServerSettings HUB_SETTINGS = new ServerSettings(ServerMode.HUB, false, Duration.ofDays(7),
            new BruteForcePolicy(3, Duration.ofSeconds(60), Duration.ofSeconds(300)), Duration.ofHours(24),
            List.of(IpRange.parse("10.0.0.0/8")), Optional.of(new ServerSettings.HubSecrets(SERVICE, SIGNING)));
    private static final TenantId ACME = new TenantId("acme");
    private static final RateLimits LIMITS = new RateLimits(OptionalLong.of(60), OptionalLong.of(1000), OptionalLong.empty());

    private final InMemoryPorts.Audit audit = new InMemoryPorts.Audit();
    private final InMemoryDirectory directory = new InMemoryDirectory(audit);
    private final MovableClock clock = new MovableClock();
    private final InMemoryFailures failures = new InMemoryFailures();
    private final InMemoryPorts.HubKeys hubKeys = new InMemoryPorts.HubKeys();
    private final InMemoryPorts.Nonces nonces = new InMemoryPorts.Nonces();
    private final InMemoryPorts.Catalog catalog = new InMemoryPorts.Catalog();
    private final InMemoryPorts.Index index = new InMemoryPorts.Index();
    private final AuthenticationService auth = new AuthenticationService(HUB_SETTINGS, directory, failures, audit,
            token -> Optional.empty(), hubKeys, nonces, clock);
    private final InMemoryUsage usage = new InMemoryUsage(catalog, index, UsageSettings.DEFAULT, clock);
    private final TenantService tenants = new TenantService(directory, audit, new TenantRemoval(directory, catalog, index, hubKeys,
            usage.ledger, usage.reporting, new InMemoryPorts.Backups(), new InMemoryPorts.Backups()), clock);
    private final HubKeyValidationService validation = new HubKeyValidationService(hubKeys, directory, clock);
    private int nonce;

    private String hubKey(boolean test, TenantId tenant, Set<Permission> permissions, Optional<Instant> expiresAt) {
        String key = ApiKeySecret.generate(test).reveal();
        hubKeys.verdicts.put(key, new KeyVerdict.Valid(new HubKey("key-" + hubKeys.verdicts.size(), tenant, "Acme Inc.", permissions, LIMITS,
                false, expiresAt)));
        return key;
    }

    private String liveKey() {
        return hubKey(false, ACME, Set.of(Permission.READ_WRITE), Optional.empty());
    }

    private Caller login(String key) {
        return loginFrom("203.0.113.1", key);
    }

    private Caller loginFrom(String peer, String key) {
        return auth.authenticate(new Credentials(Optional.of(key), Optional.empty(), peer));
    }

    /** A service call as HiveHub sends it, signed with {@code signingSecret} at {@code timestamp}. */
    private Credentials serviceCall(String serviceSecret, SharedSecret signingSecret, Optional<String> user, long timestamp, String nonceValue,
            String method, String path, String body) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put(Credentials.HUB_SERVICE, serviceSecret);
        user.ifPresent(u -> headers.put(Credentials.HUB_USER_ID, u));
        headers.put(Credentials.HUB_TIMESTAMP, String.valueOf(timestamp));
        headers.put(Credentials.HUB_NONCE, nonceValue);
        headers.put(Credentials.HUB_SIGNATURE, new ServiceCallSignature(method, path, String.valueOf(timestamp), nonceValue, Sha256.hex(body))
                .sign(signingSecret));
        return Credentials.fromRequest(method, path, headers::get, "198.51.100.7", () -> body.getBytes(StandardCharsets.UTF_8));
    }

    private Credentials genuineCall(Optional<String> user) {
        return serviceCall("service-secret-0123456789abcdefghijkl", SIGNING, user,
                clock.instant().getEpochSecond(), "nonce-00000" + (++nonce), "DELETE", "/api/admin/tenants/acme?reason=closed", "");
    }

    @Test
    void aHubKeyActsForItsTenantWithItsPermissionsAndRateLimitsAndTheTenantAppearsOnFirstUse() {
        String key = liveKey();

        Caller caller = login(key);

        assertThat(caller).isEqualTo(new Caller.OfTenant(ACME, new Principal.HubKeyHolder("key-0"), Set.of(Permission.READ_WRITE), false, LIMITS));
        assertThat(directory.findTenant(ACME)).hasValueSatisfying(t -> {
            assertThat(t.name()).isEqualTo("Acme Inc.");
            assertThat(t.status()).isEqualTo(TenantStatus.ACTIVE);
        });
        assertThat(audit.events).extracting(AuditEvent::action, AuditEvent::actor).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AuditEvent.Action.TENANT_CREATE, "hivehub"));
        login(key);
        assertThat(directory.tenants).hasSize(1);
    }

    @Test
    void invalidExpiredReservedAndLocalCredentialsAreRefusedAlike() {
        String expired = hubKey(false, ACME, Set.of(Permission.READ_ONLY), Optional.of(clock.instant().plusSeconds(60)));
        String reserved = hubKey(false, new TenantId("admin"), Set.of(Permission.ADMIN), Optional.empty());
        assertThat(login(expired)).isInstanceOf(Caller.OfTenant.class);
        clock.advance(Duration.ofSeconds(61));

        List<String> refused = List.of(expired, reserved, ApiKeySecret.generate(false).reveal(), "not-a-key", "eyJhbGciOiJub25lIn0.e30.");
        for (int i = 0; i < refused.size(); i++) {
            String key = refused.get(i);
            assertThatThrownBy(() -> loginFrom("192.0.2." + refused.indexOf(key), key)).as(key)
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.INVALID));
        }
        assertThat(directory.findTenant(new TenantId("admin"))).as("a reserved id never becomes a tenant").isEmpty();
        assertThat(audit.events).filteredOn(e -> e.action() == AuditEvent.Action.AUTH_FAILURE).hasSize(refused.size())
                .allSatisfy(e -> assertThat(e.target()).doesNotContain(refused.get(2).substring(8, 20)));
        assertThatThrownBy(() -> auth.authenticate(new Credentials(Optional.empty(), Optional.empty(), "192.0.2.9")))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(AuthenticationException.Reason.MISSING));
    }

    @Test
    void whenHiveHubCannotAnswerTheRequestIsUnavailableNotAFailure() {
        String key = liveKey();
        hubKeys.down = true;
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login(key)).isInstanceOf(HubUnavailableException.class);
        }
        hubKeys.down = false;
        assertThat(login(key)).as("not blocked: an outage is nobody's failed login").isInstanceOf(Caller.OfTenant.class);
        assertThat(audit.events).noneMatch(e -> e.action() == AuditEvent.Action.AUTH_FAILURE);
    }

    @Test
    void testKeysReadAndWriteButNeverDestroy() {
        String flagged = hubKey(false, ACME, Set.of(Permission.ADMIN), Optional.empty());
        hubKeys.verdicts.computeIfPresent(flagged, (k, v) -> new KeyVerdict.Valid(withTest(((KeyVerdict.Valid) v).key())));
        String prefixed = hubKey(true, ACME, Set.of(Permission.ADMIN), Optional.empty());
        var collections = new CollectionService(catalog, index, new InMemoryPorts.LetterCounts(), audit, usage.ledger, usage.operations, clock);
        var spec = new CollectionSpec(3, Metric.COSINE, HnswSettings.DEFAULT, Quantization.NONE, Optional.empty());

        for (String key : List.of(flagged, prefixed)) {
            Caller.OfTenant caller = (Caller.OfTenant) login(key);
            assertThat(caller.test()).as("HiveHub's is_test or the hh_test_ prefix").isTrue();
            collections.create(caller, new CollectionName("scratch"), spec);
            assertThatThrownBy(() -> collections.delete(caller, new CollectionName("scratch"))).isInstanceOf(ForbiddenException.class)
                    .hasMessageContaining("test key");
            assertThat(caller.require(Operation.READ)).isEqualTo(ACME);
            catalog.rows.clear();
        }
    }

    @Test
    void genuineServiceCallsAreHiveHubWithOrWithoutAUser() {
        assertThat(auth.authenticate(genuineCall(Optional.empty()))).isEqualTo(new Caller.HiveHub());
        Caller forUser = auth.authenticate(genuineCall(Optional.of("globex")));
        assertThat(forUser).isInstanceOfSatisfying(Caller.OfTenant.class, c -> {
            assertThat(c.tenant()).isEqualTo(new TenantId("globex"));
            assertThat(c.principal()).isEqualTo(new Principal.HubService());
            assertThat(c.permissions()).containsExactlyInAnyOrder(Permission.values());
        });
        assertThat(directory.findTenant(new TenantId("globex"))).as("on first use").isPresent();
        assertThatThrownBy(() -> auth.authenticate(genuineCall(Optional.of("system")))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> auth.authenticate(genuineCall(Optional.of("../etc")))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anythingLessThanSecretAndFreshSignatureAndUnusedNonceIsRefusedAndAudited() {
        long now = clock.instant().getEpochSecond();
        String secret = "service-secret-0123456789abcdefghijkl";
        SharedSecret wrongSigning = new SharedSecret("signing-secret-0123456789abcdefghijkX");
        Credentials replayed = genuineCall(Optional.empty());
        auth.authenticate(replayed);
        Map<String, String> forgedHeaders = new HashMap<>(Map.of(Credentials.HUB_SERVICE, "not-the-secret", Credentials.HUB_USER_ID, "acme"));

        Map<String, Credentials> refused = new java.util.LinkedHashMap<>();
        refused.put("wrong service secret", serviceCall(secret + "x", SIGNING, Optional.empty(), now, "n-1-abcdef", "GET", "/api/collections", ""));
        refused.put("forged x-hivehub-service alone", Credentials.fromRequest("GET", "/api/collections", forgedHeaders::get, "198.51.100.7", () -> new byte[0]));
        refused.put("wrong signing secret", serviceCall(secret, wrongSigning, Optional.empty(), now, "n-2-abcdef", "GET", "/api/collections", ""));
        refused.put("301 s early", serviceCall(secret, SIGNING, Optional.empty(), now - 301, "n-3-abcdef", "GET", "/api/collections", ""));
        refused.put("301 s late", serviceCall(secret, SIGNING, Optional.empty(), now + 301, "n-4-abcdef", "GET", "/api/collections", ""));
        refused.put("replayed nonce", replayed);
        refused.put("short nonce", serviceCall(secret, SIGNING, Optional.empty(), now, "n-5", "GET", "/api/collections", ""));
        refused.put("headers only (no request line)", Credentials.fromHeaders(Map.of(Credentials.HUB_SERVICE, secret, Credentials.HUB_TIMESTAMP,
                String.valueOf(now), Credentials.HUB_NONCE, "n-6-abcdef", Credentials.HUB_SIGNATURE, "00")::get, "198.51.100.7"));
        Credentials genuine = serviceCall(secret, SIGNING, Optional.empty(), now, "n-7-abcdef", "POST", "/api/hub/validate-key", "{\"api_key\":\"a\"}");
        refused.put("another body", new Credentials(genuine.bearer(), genuine.apiKey(), genuine.peerAddress(), genuine.forwardedFor(),
                genuine.serviceCall().map(c -> new Credentials.ServiceCallClaim(c.serviceSecret(), c.userId(), c.signature(),
                        c.signed().map(s -> new ServiceCallSignature(s.method(), s.pathAndQuery(), s.timestamp(), s.nonce(), Sha256.hex("{}")))))));
        refused.put("a key beside the call", new Credentials(Optional.of(liveKey()), Optional.empty(), "198.51.100.7", Optional.empty(),
                serviceCall(secret, SIGNING, Optional.empty(), now, "n-8-abcdef", "GET", "/api/collections", "").serviceCall()));

        refused.forEach((what, call) -> {
            failures.blocks.clear(); // every attempt is judged on its own, not blocked by the one before
            assertThatThrownBy(() -> auth.authenticate(call)).as(what).isInstanceOf(AuthenticationException.class);
        });
        assertThat(audit.events).filteredOn(e -> e.action() == AuditEvent.Action.AUTH_FAILURE).hasSize(refused.size())
                .allSatisfy(e -> assertThat(e.target()).isEqualTo("ip:198.51.100.7 hivehub-service-call"));
        failures.blocks.clear();
        assertThat(auth.authenticate(serviceCall(secret, SIGNING, Optional.empty(), now - 300, "n-9-abcdef", "GET", "/api/collections", "")))
                .as("300 s is still within the skew").isEqualTo(new Caller.HiveHub());
    }

    @Test
    void aTenantsAccessListDecidesFromTheResolvedAddressDenyWinningAndHiveHubIsNotHeldToIt() {
        login(liveKey());
        tenants.setAccessList(new Caller.HiveHub(), ACME, new IpAccessList(List.of(IpRange.parse("198.51.100.0/24"), IpRange.parse("2001:db8::/32")),
                List.of(IpRange.parse("198.51.100.66"))));
        String key = liveKey();

        assertThat(loginFrom("198.51.100.1", key)).isInstanceOf(Caller.OfTenant.class);
        assertThat(loginFrom("2001:db8::5", key)).isInstanceOf(Caller.OfTenant.class);
        assertThatThrownBy(() -> loginFrom("198.51.100.66", key)).as("deny wins").isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> loginFrom("203.0.113.1", key)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> loginFrom("2001:db9::5", key)).isInstanceOf(ForbiddenException.class);
        Credentials viaProxy = new Credentials(Optional.of(key), Optional.empty(), "10.1.2.3", Optional.of("198.51.100.1"), Optional.empty());
        assertThat(auth.authenticate(viaProxy)).as("behind a trusted proxy").isInstanceOf(Caller.OfTenant.class);
        Credentials spoofed = new Credentials(Optional.of(key), Optional.empty(), "203.0.113.1", Optional.of("198.51.100.1"), Optional.empty());
        assertThatThrownBy(() -> auth.authenticate(spoofed)).as("an untrusted peer's X-Forwarded-For").isInstanceOf(ForbiddenException.class);
        assertThat(audit.events).filteredOn(e -> e.action() == AuditEvent.Action.ADDRESS_REFUSED).extracting(AuditEvent::target)
                .contains("ip:198.51.100.66", "ip:203.0.113.1", "ip:2001:db9::5");
        assertThat(auth.authenticate(genuineCall(Optional.of("acme")))).as("HiveHub's own calls").isInstanceOf(Caller.OfTenant.class);
    }

    @Test
    void bruteForceCountsTheResolvedClientAddress() {
        for (int i = 0; i < 3; i++) {
            Credentials bad = new Credentials(Optional.of("hh_live_wrong"), Optional.empty(), "10.1.2.3", Optional.of("192.0.2.50"), Optional.empty());
            assertThatThrownBy(() -> auth.authenticate(bad)).isInstanceOf(AuthenticationException.class);
        }
        String key = liveKey();
        Credentials blocked = new Credentials(Optional.of(key), Optional.empty(), "10.1.2.3", Optional.of("192.0.2.50"), Optional.empty());
        assertThatThrownBy(() -> auth.authenticate(blocked)).isInstanceOf(TooManyFailuresException.class);
        Credentials neighbour = new Credentials(Optional.of(key), Optional.empty(), "10.1.2.3", Optional.of("192.0.2.51"), Optional.empty());
        assertThat(auth.authenticate(neighbour)).as("the proxy itself is not blocked").isInstanceOf(Caller.OfTenant.class);
    }

    @Test
    void hiveHubDeletesATenantIdempotentlyAndItsCachedKeysWithIt() {
        login(liveKey());
        tenants.deleteTenant(new Caller.HiveHub(), ACME);
        tenants.deleteTenant(new Caller.HiveHub(), ACME);

        assertThat(directory.findTenant(ACME)).isEmpty();
        assertThat(hubKeys.forgotten).containsExactly(ACME, ACME);
        assertThat(audit.events).filteredOn(e -> e.action() == AuditEvent.Action.TENANT_DELETE).extracting(AuditEvent::actor).containsExactly("hivehub");
        Caller.InstallationAdmin admin = new Caller.InstallationAdmin(new ApiKeyId("AAAAAAAAAAAA"));
        assertThatThrownBy(() -> tenants.deleteTenant(admin, ACME)).as("the administrator is told of a typo").isInstanceOf(NotFoundException.class);
    }

    @Test
    void validateKeyTellsForWhomAKeyWorksHere() {
        String key = liveKey();
        assertThat(validation.validateKey(new Caller.HiveHub(), key)).hasValueSatisfying(k -> assertThat(k.tenant()).isEqualTo(ACME));
        assertThat(validation.validateKey(new Caller.HiveHub(), "garbage")).isEmpty();
        assertThat(hubKeys.asks).as("a malformed key is not sent to HiveHub").isEqualTo(1);
        login(key);
        directory.updateTenant(directory.findTenant(ACME).orElseThrow().withStatus(TenantStatus.SUSPENDED));
        assertThat(validation.validateKey(new Caller.HiveHub(), key)).isEmpty();
    }

    private static HubKey withTest(HubKey key) {
        return new HubKey(key.keyId(), key.tenant(), key.tenantName(), key.permissions(), key.rateLimits(), true, key.expiresAt());
    }
}
