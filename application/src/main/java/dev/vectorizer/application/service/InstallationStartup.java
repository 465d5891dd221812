package dev.vectorizer.application.service;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.port.out.AdminKeyFilePort;
import dev.vectorizer.application.port.out.TenantDirectoryPort;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.tenant.ApiKey;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import dev.vectorizer.domain.tenant.Permission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * A fresh standalone installation gets its administrator key when the application starts: stored
 * hashed, handed out once through {@link AdminKeyFilePort}.
 */
@ApplicationScoped
public class InstallationStartup {

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started, ServerSettings settings, TenantDirectoryPort directory,
            AdminKeyFilePort adminKeyFile) {
        if (settings.mode() == ServerMode.STANDALONE) {
            ensureAdminKey(directory, adminKeyFile);
        }
    }

    static void ensureAdminKey(TenantDirectoryPort directory, AdminKeyFilePort adminKeyFile) {
        if (directory.listKeys(Optional.empty()).isEmpty()) {
            ApiKeySecret secret = ApiKeySecret.generate(false);
            directory.addKey(ApiKey.issue(secret, Optional.empty(), Set.of(Permission.ADMIN), Instant.now().truncatedTo(ChronoUnit.MILLIS), Optional.empty()));
            adminKeyFile.publish(secret);
        }
    }
}
