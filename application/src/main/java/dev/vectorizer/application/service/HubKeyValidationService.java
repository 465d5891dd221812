package dev.vectorizer.application.service;

import dev.vectorizer.application.port.in.ValidateHubKeyQuery;
import dev.vectorizer.application.port.out.KeyValidationPort;
import dev.vectorizer.application.port.out.TenantDirectoryPort;
import dev.vectorizer.domain.hub.HubKey;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * Answers HiveHub whether a key works here: the verdict authentication would reach (HiveHub's,
 * cached the same way), minus what depends on the request (the client address).
 */
@ApplicationScoped
public class HubKeyValidationService implements ValidateHubKeyQuery {

    private final KeyValidationPort keys;
    private final TenantDirectoryPort directory;
    private final Clock clock;

    @Inject
    public HubKeyValidationService(KeyValidationPort keys, TenantDirectoryPort directory) {
        this(keys, directory, Clock.systemUTC());
    }

    HubKeyValidationService(KeyValidationPort keys, TenantDirectoryPort directory, Clock clock) {
        this.keys = keys;
        this.directory = directory;
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected HubKeyValidationService() {
        this(null, null, null);
    }

    @Override
    public Optional<HubKey> validateKey(Caller.HiveHub hub, String presentedKey) {
        return ApiKeySecret.parse(presentedKey).flatMap(secret -> HubCredentials.usable(keys, secret, clock.instant()))
                .filter(key -> directory.findTenant(key.tenant()).map(t -> t.status() == TenantStatus.ACTIVE).orElse(true));
    }
}
