package dev.vectorizer.application.service;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.port.in.AuthenticateQuery;
import dev.vectorizer.application.port.out.AuditLogPort;
import dev.vectorizer.application.port.out.FailedAuthenticationsPort;
import dev.vectorizer.application.port.out.TenantDirectoryPort;
import dev.vectorizer.application.port.out.TokenVerifierPort;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.UnavailableException;
import dev.vectorizer.domain.tenant.ApiKey;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.AuthenticationException;
import dev.vectorizer.domain.tenant.BruteForcePolicy;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.ForbiddenException;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantStatus;
import dev.vectorizer.domain.tenant.TooManyFailuresException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one authenticator every inbound adapter uses. In standalone mode a bearer credential is an
 * API key (found by its public id and verified against the stored hash) or a JWT (verified by
 * {@link TokenVerifierPort}; tenant from its tenant claim, permissions from its groups). Every
 * failure reads the same to the caller.
 */
@ApplicationScoped
public class AuthenticationService implements AuthenticateQuery {

    /** Compared against when the key id is unknown, so unknown and wrong keys take the same time. */
    private static final String NO_SUCH_KEY_HASH = "0".repeat(64);

    private final ServerSettings settings;
    private final TenantDirectoryPort directory;
    private final FailedAuthenticationsPort failures;
    private final AuditLogPort audit;
    private final TokenVerifierPort tokens;
    private final Clock clock;

    @Inject
    public AuthenticationService(ServerSettings settings, TenantDirectoryPort directory, FailedAuthenticationsPort failures, AuditLogPort audit,
            TokenVerifierPort tokens) {
        this(settings, directory, failures, audit, tokens, Clock.systemUTC());
    }

    AuthenticationService(ServerSettings settings, TenantDirectoryPort directory, FailedAuthenticationsPort failures, AuditLogPort audit,
            TokenVerifierPort tokens, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.failures = failures;
        this.audit = audit;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected AuthenticationService() {
        this(null, null, null, null, null, null);
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
        Optional<ApiKeySecret> secret = ApiKeySecret.parse(presented);
        List<String> sources = sources(credentials.clientAddress(), secret);
        Instant now = clock.instant();
        refuseIfBlocked(sources, now);
        return fromApiKey(secret, now).or(() -> fromToken(presented)).orElseThrow(() -> {
            recordFailure(sources, now);
            audit.record(new AuditEvent(now, "anonymous", Optional.empty(), AuditEvent.Action.AUTH_FAILURE,
                    String.join(" ", sources), AuditEvent.Outcome.DENIED));
            return new AuthenticationException(AuthenticationException.Reason.INVALID);
        });
    }

    private Optional<Caller> fromApiKey(Optional<ApiKeySecret> secret, Instant now) {
        return secret.flatMap(s -> verify(s, now)).flatMap(key -> key.isInstallationAdmin()
                ? Optional.of(new Caller.InstallationAdmin(key.id()))
                : actingTenant(key.tenant().orElseThrow())
                        .map(tenant -> new Caller.OfTenant(tenant.id(), Optional.of(key.id()), key.permissions(), key.test())));
    }

    /** A verified JWT acts for the tenant of its tenant claim, with the permissions its groups name. */
    private Optional<Caller> fromToken(String presented) {
        return tokens.verify(presented).flatMap(claims -> claims.tenant()
                .filter(TenantId::isValid).map(TenantId::new).flatMap(this::actingTenant)
                .map(tenant -> new Caller.OfTenant(tenant.id(), Optional.empty(), permissions(claims.groups()), false)));
    }

    private static Set<Permission> permissions(Set<String> groups) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (groups.contains(p.name())) {
                permissions.add(p);
            }
        }
        return permissions;
    }

    /**
     * The tenant a verified credential acts for: empty if unknown or being deleted (the credential
     * is then invalid); a suspended tenant is refused outright, since the credential itself is good.
     */
    private Optional<Tenant> actingTenant(TenantId id) {
        Optional<Tenant> tenant = directory.findTenant(id).filter(t -> t.status() != TenantStatus.DELETING);
        if (tenant.filter(t -> t.status() == TenantStatus.SUSPENDED).isPresent()) {
            throw new ForbiddenException("the tenant is suspended");
        }
        return tenant;
    }

    /** The sources a failure counts against: the client address and, if the text looks like a key, its id. */
    private static List<String> sources(String clientAddress, Optional<ApiKeySecret> secret) {
        List<String> sources = new ArrayList<>(2);
        sources.add("ip:" + clientAddress);
        secret.ifPresent(s -> sources.add("key:" + s.id()));
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

    private Optional<ApiKey> verify(ApiKeySecret secret, Instant now) {
        Optional<ApiKey> stored = directory.findKey(secret.id());
        boolean hashMatches = secret.matches(stored.map(ApiKey::hash).orElse(NO_SUCH_KEY_HASH));
        return stored.filter(k -> hashMatches && k.worksAt(now));
    }
}
