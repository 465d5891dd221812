package dev.vectorizer.deploy;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.hub.SharedSecret;
import dev.vectorizer.domain.net.IpRange;
import dev.vectorizer.domain.tenant.BruteForcePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the application's settings from MicroProfile Config (defaults in
 * {@code META-INF/microprofile-config.properties}, durations read by {@link DurationConverter}); a bad
 * value stops the deployment.
 */
@ApplicationScoped
class SettingsProducer {

    @Produces
    @Singleton
    ServerSettings serverSettings(@ConfigProperty(name = "vectorizer.mode") String mode,
            @ConfigProperty(name = "vectorizer.single.allow-remote") boolean singleAllowsRemote,
            @ConfigProperty(name = "vectorizer.auth.rotation-grace") Duration rotationGrace,
            @ConfigProperty(name = "vectorizer.auth.brute-force.max-failures") int maxFailures,
            @ConfigProperty(name = "vectorizer.auth.brute-force.window") Duration window,
            @ConfigProperty(name = "vectorizer.auth.brute-force.block") Duration block,
            @ConfigProperty(name = "vectorizer.jwt.max-lifetime") Duration tokenMaxLifetime,
            @ConfigProperty(name = "vectorizer.trusted-proxies") Optional<String> trustedProxies,
            @ConfigProperty(name = "vectorizer.hub.url") Optional<String> hubUrl,
            @ConfigProperty(name = "vectorizer.hub.service-secret") Optional<String> serviceSecret,
            @ConfigProperty(name = "vectorizer.hub.signing-secret") Optional<String> signingSecret) {
        ServerMode serverMode = ServerMode.parse(mode);
        Optional<ServerSettings.HubSecrets> hub = Optional.empty();
        if (serverMode == ServerMode.HUB) {
            InvalidValueException.require(hubUrl.filter(u -> !u.isBlank()).isPresent(), "hub mode needs vectorizer.hub.url");
            hub = Optional.of(new ServerSettings.HubSecrets(
                    new SharedSecret(serviceSecret.orElseThrow(() -> new InvalidValueException("hub mode needs vectorizer.hub.service-secret"))),
                    new SharedSecret(signingSecret.orElseThrow(() -> new InvalidValueException("hub mode needs vectorizer.hub.signing-secret")))));
        }
        return new ServerSettings(serverMode, singleAllowsRemote, rotationGrace, new BruteForcePolicy(maxFailures, window, block), tokenMaxLifetime,
                ranges(trustedProxies), hub);
    }

    /** {@code vectorizer.trusted-proxies}: comma-separated addresses or CIDR ranges; none by default. */
    private static List<IpRange> ranges(Optional<String> list) {
        return list.map(text -> Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(IpRange::parse).toList())
                .orElse(List.of());
    }

    /** Reads the settings at deployment so that a bad value fails the start, not a request. */
    void validateOnStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted, ServerSettings settings) {
        settings.mode();
    }
}
