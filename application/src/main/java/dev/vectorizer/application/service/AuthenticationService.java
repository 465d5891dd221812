package dev.vectorizer.application.service;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.port.in.AuthenticateQuery;
import dev.vectorizer.application.port.out.AuditLogPort;
import dev.vectorizer.application.port.out.FailedAuthenticationsPort;
import dev.vectorizer.application.port.out.TenantDirectoryPort;
import dev.vectorizer.application.port.out.TokenVerifierPort;
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
import dev.vectorizer.domain.tenant.Principal;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantStatus;
import dev.vectorizer.domain.tenant.TokenClaims;
import dev.vectorizer.domain.tenant.TooManyFailuresException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one authenticator every inbound adapter uses. Single mode authenticates nobody and serves
 * loopback clients only (unless configured otherwise). In standalone mode a bearer credential is
 * an API key (found by its public id and verified against the stored hash) or a JWT (verified by
 * {@link TokenVerifierPort}, no longer-lived than the configured cap; tenant from its tenant claim,
 * permissions from its groups); {@code X-API-Key} carries API keys only. Every failure reads the
 * same to the caller and counts against the client address, never against a key: a key's id is
 * public, so counting per key would let anyone lock its holder out.
 */
@ApplicationScoped
public class AuthenticationService implements AuthenticateQuery {

    /** Compared against when the key id is unknown, so unknown and wrong keys take the same time. */
    private static final String NO_SUCH_KEY_HASH = "0".repeat(64);

    /** IP literals only: a client address must never cause a DNS lookup. */
    private static final Pattern IP_LITERAL = Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}|\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%\\w+)?]?");

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
        return switch (settings.mode()) {
            case SINGLE -> singleModeCaller(credentials.clientAddress());
            // Key validation by HiveHub is not built yet: fail closed rather than trust anything.
            case HUB -> throw new UnavailableException("hub mode cannot validate credentials yet");
            case STANDALONE -> standaloneCaller(credentials);
        };
    }

    private Caller singleModeCaller(String clientAddress) {
        if (!settings.singleModeAllowsRemote() && !isLoopback(clientAddress)) {
            throw new ForbiddenException("single mode serves loopback clients only");
        }
        return Caller.OfTenant.singleMode();
    }

    private Caller standaloneCaller(Credentials credentials) {
        String presented = credentials.bearer().or(credentials::apiKey)
                .orElseThrow(() -> new AuthenticationException(AuthenticationException.Reason.MISSING));
        Instant now = clock.instant();
        String source = "ip:" + credentials.clientAddress();
        failures.blockedUntil(source, now).ifPresent(until -> {
            throw new TooManyFailuresException(Duration.between(now, until));
        });
        Optional<ApiKeySecret> secret = ApiKeySecret.parse(presented);
        return verified(credentials, presented, secret, now).orElseThrow(() -> {
            recordFailure(source, now);
            String target = source + secret.map(s -> " key:" + s.id()).orElse("");
            audit.record(new AuditEvent(now, "anonymous", Optional.empty(), AuditEvent.Action.AUTH_FAILURE, target, AuditEvent.Outcome.DENIED));
            return new AuthenticationException(AuthenticationException.Reason.INVALID);
        });
    }

    /** The caller the presented credential stands for, if it is valid where it was presented. */
    private Optional<Caller> verified(Credentials credentials, String presented, Optional<ApiKeySecret> secret, Instant now) {
        if (credentials.bearer().isPresent() && credentials.apiKey().isPresent() && !credentials.bearer().equals(credentials.apiKey())) {
            return Optional.empty(); // two different credentials: which one would the request act for?
        }
        if (secret.isPresent()) {
            return fromApiKey(secret.get(), now);
        }
        return credentials.apiKey().isEmpty() ? fromToken(presented, now) : Optional.empty(); // a JWT only as a bearer token
    }

    private Optional<Caller> fromApiKey(ApiKeySecret secret, Instant now) {
        Optional<ApiKey> stored = directory.findKey(secret.id());
        boolean hashMatches = secret.matches(stored.map(ApiKey::hash).orElse(NO_SUCH_KEY_HASH));
        return stored.filter(k -> hashMatches && k.worksAt(now)).flatMap(key -> key.isInstallationAdmin()
                ? Optional.of(new Caller.InstallationAdmin(key.id()))
                : actingTenant(key.tenant().orElseThrow())
                        .map(tenant -> new Caller.OfTenant(tenant.id(), new Principal.KeyHolder(key.id()), key.permissions(), key.test())));
    }

    /**
     * A verified JWT no longer-lived than the cap acts for the tenant of its tenant claim, with the
     * permissions its groups name.
     */
    private Optional<Caller> fromToken(String presented, Instant now) {
        return tokens.verify(presented).filter(claims -> claims.lifetime(now).compareTo(settings.tokenMaxLifetime()) <= 0)
                .flatMap(claims -> claims.tenant().filter(TenantId::isValid).map(TenantId::new).flatMap(this::actingTenant)
                        .map(tenant -> new Caller.OfTenant(tenant.id(), new Principal.TokenSubject(claims.subject()),
                                permissions(claims), false)));
    }

    private static Set<Permission> permissions(TokenClaims claims) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (claims.groups().contains(p.name())) {
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

    private void recordFailure(String source, Instant now) {
        BruteForcePolicy policy = settings.bruteForce();
        if (failures.recordFailure(source, now, policy.window()) >= policy.maxFailures()) {
            failures.block(source, now.plus(policy.block()));
        }
    }

    static boolean isLoopback(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
