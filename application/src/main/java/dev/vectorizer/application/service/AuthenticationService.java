package dev.vectorizer.application.service;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.port.in.AuthenticateQuery;
import dev.vectorizer.application.port.out.TenantDirectoryPort;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.UnavailableException;
import dev.vectorizer.domain.tenant.ApiKey;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import dev.vectorizer.domain.tenant.AuthenticationException;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.ForbiddenException;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The one authenticator every inbound adapter uses. In standalone mode an API key is found by its
 * public id and verified against the stored hash; every failure reads the same to the caller.
 */
@ApplicationScoped
public class AuthenticationService implements AuthenticateQuery {

    /** Compared against when the key id is unknown, so unknown and wrong keys take the same time. */
    private static final String NO_SUCH_KEY_HASH = "0".repeat(64);

    private final ServerSettings settings;
    private final TenantDirectoryPort directory;
    private final Clock clock;

    @Inject
    public AuthenticationService(ServerSettings settings, TenantDirectoryPort directory) {
        this(settings, directory, Clock.systemUTC());
    }

    AuthenticationService(ServerSettings settings, TenantDirectoryPort directory, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected AuthenticationService() {
        this(null, null, null);
    }

    @Override
    public Caller authenticate(Credentials credentials) {
        if (settings.mode() == ServerMode.SINGLE) {
            return Caller.OfTenant.singleMode();
        }
        if (settings.mode() == ServerMode.HUB) {
            // Key validation by HiveHub is not built yet: fail closed rather than trust anything.
            throw new UnavailableException("hub mode cannot validate credentials yet");
        }
        String presented = credentials.bearer().or(credentials::apiKey).filter(s -> !s.isBlank())
                .orElseThrow(() -> new AuthenticationException(AuthenticationException.Reason.MISSING));
        ApiKey key = verify(presented).orElseThrow(() -> new AuthenticationException(AuthenticationException.Reason.INVALID));
        if (key.isInstallationAdmin()) {
            return new Caller.InstallationAdmin(key.id());
        }
        Tenant tenant = directory.findTenant(key.tenant().orElseThrow())
                .filter(t -> t.status() != TenantStatus.DELETING)
                .orElseThrow(() -> new AuthenticationException(AuthenticationException.Reason.INVALID));
        if (tenant.status() == TenantStatus.SUSPENDED) {
            throw new ForbiddenException("the tenant is suspended");
        }
        return new Caller.OfTenant(tenant.id(), Optional.of(key.id()), key.permissions(), key.test());
    }

    private Optional<ApiKey> verify(String presented) {
        Optional<ApiKeySecret> secret = ApiKeySecret.parse(presented);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKey> stored = directory.findKey(secret.get().id());
        boolean hashMatches = secret.get().matches(stored.map(ApiKey::hash).orElse(NO_SUCH_KEY_HASH));
        Instant now = clock.instant();
        return stored.filter(k -> hashMatches && k.worksAt(now));
    }
}
