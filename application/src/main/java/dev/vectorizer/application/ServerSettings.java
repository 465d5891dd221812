package dev.vectorizer.application;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.hub.SharedSecret;
import dev.vectorizer.domain.net.IpRange;
import dev.vectorizer.domain.tenant.BruteForcePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The installation-wide settings the use cases need. The composition root builds it from
 * configuration, so the application layer never reads configuration itself; adapters never see it
 * (a rule that depends on a setting is the application's).
 *
 * @param mode who authenticates callers
 * @param singleModeAllowsRemote whether single mode, which authenticates nobody, serves clients other than loopback
 * @param rotationGrace how long a rotated API key keeps working
 * @param bruteForce when failed authentications block their source
 * @param tokenMaxLifetime the longest lifetime a JWT may claim ({@code exp} minus {@code iat}) and still be accepted
 * @param trustedProxies the peers whose {@code X-Forwarded-For} is believed
 * @param hub the secrets HiveHub's service calls prove themselves with; required in hub mode
 */
public record ServerSettings(ServerMode mode, boolean singleModeAllowsRemote, Duration rotationGrace, BruteForcePolicy bruteForce,
        Duration tokenMaxLifetime, List<IpRange> trustedProxies, Optional<HubSecrets> hub) {

    public static final Duration DEFAULT_ROTATION_GRACE = Duration.ofDays(7);
    public static final Duration DEFAULT_TOKEN_MAX_LIFETIME = Duration.ofHours(24);

    /**
     * What HiveHub's service calls must present: the service secret in {@code x-hivehub-service},
     * and a signature made with the signing secret, which never travels. The two must differ.
     */
    public record HubSecrets(SharedSecret service, SharedSecret signing) {
        public HubSecrets {
            InvalidValueException.require(service != null && signing != null, "the service and signing secrets are required");
            InvalidValueException.require(!service.sameAs(signing), "the service secret and the signing secret must differ");
        }
    }

    public ServerSettings {
        InvalidValueException.require(mode != null, "mode is required");
        InvalidValueException.require(rotationGrace != null && !rotationGrace.isNegative(), "rotation grace must not be negative");
        InvalidValueException.require(bruteForce != null, "brute-force policy is required");
        InvalidValueException.require(tokenMaxLifetime != null && tokenMaxLifetime.isPositive(), "the JWT maximum lifetime must be positive");
        InvalidValueException.require(trustedProxies != null && hub != null, "trusted proxies and hub secrets are required (empty for none)");
        InvalidValueException.require(mode != ServerMode.HUB || hub.isPresent(),
                "hub mode needs vectorizer.hub.service-secret and vectorizer.hub.signing-secret");
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** Settings that trust no proxy and know no HiveHub secrets. */
    public ServerSettings(ServerMode mode, boolean singleModeAllowsRemote, Duration rotationGrace, BruteForcePolicy bruteForce,
            Duration tokenMaxLifetime) {
        this(mode, singleModeAllowsRemote, rotationGrace, bruteForce, tokenMaxLifetime, List.of(), Optional.empty());
    }

    /** The defaults of {@code mode}: loopback only in single mode, 7 days of rotation grace, 24 h tokens, no proxies. */
    public ServerSettings(ServerMode mode) {
        this(mode, false, DEFAULT_ROTATION_GRACE, BruteForcePolicy.DEFAULT, DEFAULT_TOKEN_MAX_LIFETIME);
    }
}
