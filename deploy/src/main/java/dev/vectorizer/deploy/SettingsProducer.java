package dev.vectorizer.deploy;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.tenant.BruteForcePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the application's settings from MicroProfile Config; a bad value stops the deployment. */
@ApplicationScoped
class SettingsProducer {

    @Produces
    @Singleton
    ServerSettings serverSettings(@ConfigProperty(name = "vectorizer.mode", defaultValue = "standalone") String mode,
            @ConfigProperty(name = "vectorizer.single.allow-remote") boolean singleAllowsRemote,
            @ConfigProperty(name = "vectorizer.auth.rotation-grace", defaultValue = "P7D") String rotationGrace,
            @ConfigProperty(name = "vectorizer.auth.brute-force.max-failures", defaultValue = "5") int maxFailures,
            @ConfigProperty(name = "vectorizer.auth.brute-force.window", defaultValue = "PT60S") String window,
            @ConfigProperty(name = "vectorizer.auth.brute-force.block", defaultValue = "PT300S") String block,
            @ConfigProperty(name = "vectorizer.jwt.max-lifetime") String tokenMaxLifetime) {
        return new ServerSettings(ServerMode.parse(mode), singleAllowsRemote, duration("vectorizer.auth.rotation-grace", rotationGrace),
                new BruteForcePolicy(maxFailures, duration("vectorizer.auth.brute-force.window", window),
                        duration("vectorizer.auth.brute-force.block", block)),
                duration("vectorizer.jwt.max-lifetime", tokenMaxLifetime));
    }

    private static Duration duration(String key, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(key + " must be an ISO-8601 duration such as P7D or PT1H, not '" + value + "'");
        }
    }

    /** Reads the settings at deployment so that a bad value fails the start, not a request. */
    void validateOnStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted, ServerSettings settings) {
        settings.mode();
    }
}
