package dev.vectorizer.deploy;

import dev.vectorizer.application.BackupSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the backup settings from MicroProfile Config; a bad value stops the deployment. */
@ApplicationScoped
class BackupSettingsProducer {

    @Produces
    @Singleton
    BackupSettings backupSettings(@ConfigProperty(name = "vectorizer.backup.retention.max-count") int maxCount,
            @ConfigProperty(name = "vectorizer.backup.retention.max-age") Duration maxAge,
            @ConfigProperty(name = "vectorizer.backup.max-upload-bytes") long maxUploadBytes,
            @ConfigProperty(name = "vectorizer.backup.max-unpacked-bytes") long maxUnpackedBytes) {
        return new BackupSettings(maxCount, maxAge.isZero() ? Optional.empty() : Optional.of(maxAge), maxUploadBytes, maxUnpackedBytes);
    }

    void validateOnStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted, BackupSettings settings) {
        settings.maxPerTenant();
    }
}
