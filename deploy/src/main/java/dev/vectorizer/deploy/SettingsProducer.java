package dev.vectorizer.deploy;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.domain.ServerMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the application's settings from MicroProfile Config; a bad value stops the deployment. */
@ApplicationScoped
class SettingsProducer {

    @Produces
    @Singleton
    ServerSettings serverSettings(@ConfigProperty(name = "vectorizer.mode", defaultValue = "standalone") String mode) {
        return new ServerSettings(ServerMode.parse(mode));
    }

    /** Reads the settings at deployment so that a bad value fails the start, not a request. */
    void validateOnStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted, ServerSettings settings) {
        settings.mode();
    }
}
