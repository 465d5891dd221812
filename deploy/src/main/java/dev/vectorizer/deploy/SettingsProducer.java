package dev.vectorizer.deploy;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.tenant.BruteForcePolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
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
            @ConfigProperty(name = "vectorizer.jwt.max-lifetime") Duration tokenMaxLifetime) {
        return new ServerSettings(ServerMode.parse(mode), singleAllowsRemote, rotationGrace,
                new BruteForcePolicy(maxFailures, window, block), tokenMaxLifetime);
    }

    /** Reads the settings at deployment so that a bad value fails the start, not a request. */
    void validateOnStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted, ServerSettings settings) {
        settings.mode();
    }
}
