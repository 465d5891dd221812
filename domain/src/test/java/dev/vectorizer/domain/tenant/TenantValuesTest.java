package dev.vectorizer.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Values of tenancy and authentication refuse to be built invalid and say what they mean. */
class TenantValuesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

    @Test
    void reservedTenantIdsAreRecognisedIgnoringCase() {
        assertThat(TenantId.DEFAULT.isReserved()).isTrue();
        assertThat(new TenantId("DEFAULT").isReserved()).isTrue();
        assertThat(new TenantId("Admin").isReserved()).isTrue();
        assertThat(new TenantId("defaults").isReserved()).isFalse();
        assertThat(new TenantId("acme").isReserved()).isFalse();
    }

    @Test
    void everyCallerHasAnUnambiguousAuditName() {
        ApiKeyId key = new ApiKeyId("Abc123Abc123");
        assertThat(AuditEvent.actor(new Caller.InstallationAdmin(key))).isEqualTo("admin:Abc123Abc123");
        assertThat(AuditEvent.actor(new Caller.OfTenant(TenantId.DEFAULT, new Principal.KeyHolder(key), Set.of(Permission.ADMIN), false)))
                .isEqualTo("Abc123Abc123");
        assertThat(AuditEvent.actor(new Caller.OfTenant(TenantId.DEFAULT, new Principal.TokenSubject("admin:Abc123Abc123"),
                Set.of(Permission.ADMIN), false))).as("a subject cannot pass for the administrator").isEqualTo("jwt:admin:Abc123Abc123");
        assertThat(AuditEvent.actor(Caller.OfTenant.singleMode())).isEqualTo("single-mode");
        assertThat(AuditEvent.actor(new Caller.OfTenant(new TenantId("acme"), new Principal.HubKeyHolder("admin:Abc123Abc123"),
                Set.of(Permission.ADMIN), false))).as("nor a HiveHub key id").isEqualTo("hub-key:admin:Abc123Abc123");
        assertThat(AuditEvent.actor(new Caller.OfTenant(new TenantId("acme"), new Principal.HubService(), Set.of(Permission.ADMIN), false)))
                .isEqualTo("hivehub");
        assertThat(AuditEvent.actor(new Caller.HiveHub())).isEqualTo("hivehub");
        assertThatThrownBy(() -> new Principal.HubKeyHolder("with space")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Principal.HubKeyHolder("k".repeat(65))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aTestKeyReadsAndWritesButNeverDestroys() {
        Caller.OfTenant test = new Caller.OfTenant(new TenantId("acme"), new Principal.HubKeyHolder("k1"), Set.of(Permission.ADMIN), true);
        assertThat(test.require(Operation.READ)).isEqualTo(new TenantId("acme"));
        assertThat(test.require(Operation.WRITE)).isEqualTo(new TenantId("acme"));
        assertThat(test.require(Operation.USE_MCP)).isEqualTo(new TenantId("acme"));
        assertThatThrownBy(() -> test.require(Operation.DELETE_COLLECTION)).isInstanceOf(ForbiddenException.class).hasMessageContaining("live key");
        Caller.OfTenant live = new Caller.OfTenant(new TenantId("acme"), new Principal.HubKeyHolder("k2"), Set.of(Permission.ADMIN), false);
        assertThat(live.require(Operation.DELETE_COLLECTION)).isEqualTo(new TenantId("acme"));
    }

    @Test
    void rateLimitsAreCountsOrNone() {
        assertThat(new Caller.OfTenant(new TenantId("acme"), new Principal.HubService(), Set.of(), false).rateLimits()).isEqualTo(RateLimits.NONE);
        assertThatThrownBy(() -> new RateLimits(java.util.OptionalLong.of(-1), java.util.OptionalLong.empty(), java.util.OptionalLong.empty()))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aLongTokenSubjectIsShortenedToAPrefixAndADigestOfTheWhole() {
        String actorA = actorOf("a".repeat(100) + "1");
        String actorB = actorOf("a".repeat(100) + "2");
        assertThat(actorA).hasSize(AuditEvent.MAX_ACTOR_LENGTH).startsWith("jwt:aaaa").isNotEqualTo(actorB);
        assertThat(actorOf("\uD83D\uDE00".repeat(40))).as("no character is cut in half")
                .satisfies(a -> assertThat(Character.isHighSurrogate(a.charAt(a.indexOf('~') - 1))).isFalse());
    }

    private static String actorOf(String subject) {
        return AuditEvent.actor(new Caller.OfTenant(TenantId.DEFAULT, new Principal.TokenSubject(subject), Set.of(Permission.READ_ONLY), false));
    }

    @Test
    void aTokensLifetimeCountsFromItsIssueOrFromNow() {
        Instant exp = NOW.plus(Duration.ofHours(1));
        assertThat(claims(Optional.of(NOW.minus(Duration.ofHours(2))), exp).lifetime(NOW)).isEqualTo(Duration.ofHours(3));
        assertThat(claims(Optional.empty(), exp).lifetime(NOW)).isEqualTo(Duration.ofHours(1));
        assertThat(claims(Optional.of(NOW.plusSeconds(1800)), exp).lifetime(NOW)).as("a future iat does not shorten it").isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> new TokenClaims(" ", Optional.empty(), Set.of(), Optional.empty(), exp)).isInstanceOf(InvalidValueException.class);
    }

    private static TokenClaims claims(Optional<Instant> issuedAt, Instant expiresAt) {
        return new TokenClaims("alice", Optional.of("acme"), Set.of(), issuedAt, expiresAt);
    }

    @Test
    void onlyAnActiveWorkingKeyIsRotatable() {
        ApiKey active = ApiKey.issue(ApiKeySecret.generate(false), Optional.of(new TenantId("acme")), Set.of(Permission.READ_ONLY), NOW,
                Optional.of(NOW.plusSeconds(60)));
        assertThat(active.isRotatable(NOW)).isTrue();
        assertThat(active.isRotatable(NOW.plusSeconds(60))).as("expired").isFalse();
        assertThat(active.withStatus(ApiKeyStatus.DEPRECATED, active.expiresAt()).isRotatable(NOW)).isFalse();
        assertThat(active.withStatus(ApiKeyStatus.REVOKED, Optional.empty()).isRotatable(NOW)).isFalse();
    }
}
