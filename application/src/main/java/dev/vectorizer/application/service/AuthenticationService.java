package dev.vectorizer.application.service;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.port.in.AuthenticateQuery;
import dev.vectorizer.application.port.out.FailedAuthenticationsPort;
import dev.vectorizer.application.port.out.TenantDirectoryPort;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.UnavailableException;
import dev.vectorizer.domain.tenant.ApiKey;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import dev.vectorizer.domain.tenant.AuthenticationException;
import dev.vectorizer.domain.tenant.BruteForcePolicy;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.ForbiddenException;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantStatus;
import dev.vectorizer.domain.tenant.TooManyFailuresException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private final FailedAuthenticationsPort failures;
    private final Clock clock;

    @Inject
    public AuthenticationService(ServerSettings settings, TenantDirectoryPort directory, FailedAuthenticationsPort failures) {
        this(settings, directory, failures, Clock.systemUTC());
    }

    AuthenticationService(ServerSettings settings, TenantDirectoryPort directory, FailedAuthenticationsPort failures, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.failures = failures;
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected AuthenticationService() {
        this(null, null, null, null);
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
        List<String> sources = sources(credentials.clientAddress(), presented);
        Instant now = clock.instant();
        refuseIfBlocked(sources, now);
        ApiKey key = verify(presented, now).orElseThrow(() -> {
            recordFailure(sources, now);
            return new AuthenticationException(AuthenticationException.Reason.INVALID);
        });
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

    /** The sources a failure counts against: the client address and, if the text looks like a key, its id. */
    private static List<String> sources(String clientAddress, String presented) {
        List<String> sources = new ArrayList<>(2);
        sources.add("ip:" + clientAddress);
        ApiKeySecret.parse(presented).ifPresent(secret -> sources.add("key:" + secret.id()));
        return sources;
    }

    private void refuseIfBlocked(List<String> sources, Instant now) {
        sources.stream().map(source -> failures.blockedUntil(source, now)).flatMap(Optional::stream).max(Instant::compareTo)
                .ifPresent(until -> {
                    throw new TooManyFailuresException(Duration.between(now, until));
                });
    }

    private void recordFailure(List<String> sources, Instant now) {
        BruteForcePolicy policy = settings.bruteForce();
        for (String source : sources) {
            if (failures.recordFailure(source, now, policy.window()) >= policy.maxFailures()) {
                failures.block(source, now.plus(policy.block()));
            }
        }
    }

    private Optional<ApiKey> verify(String presented, Instant now) {
        Optional<ApiKeySecret> secret = ApiKeySecret.parse(presented);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKey> stored = directory.findKey(secret.get().id());
        boolean hashMatches = secret.get().matches(stored.map(ApiKey::hash).orElse(NO_SUCH_KEY_HASH));
        return stored.filter(k -> hashMatches && k.worksAt(now));
    }
}
