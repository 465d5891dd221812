package dev.vectorizer.application.service;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.port.in.AuthenticateQuery;
import dev.vectorizer.application.port.out.AuditLogPort;
import dev.vectorizer.application.port.out.FailedAuthenticationsPort;
import dev.vectorizer.application.port.out.KeyValidationPort;
import dev.vectorizer.application.port.out.NonceCachePort;
import dev.vectorizer.application.port.out.TenantDirectoryPort;
import dev.vectorizer.application.port.out.TokenVerifierPort;
import dev.vectorizer.domain.ServerMode;
import dev.vectorizer.domain.net.ClientAddress;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.AuthenticationException;
import dev.vectorizer.domain.tenant.BruteForcePolicy;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.ForbiddenException;
import dev.vectorizer.domain.tenant.Principal;
import dev.vectorizer.domain.tenant.Sha256;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantStatus;
import dev.vectorizer.domain.tenant.TooManyFailuresException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one authenticator every inbound adapter uses. The client is the TCP peer, or, behind a
 * trusted proxy, the address {@code X-Forwarded-For} names ({@link ClientAddress}); that address is
 * what brute-force blocks count and what tenants' IP access lists check. Single mode authenticates
 * nobody and serves loopback clients only (unless configured otherwise). Standalone mode takes the
 * local tenant directory's API keys and JWTs ({@link LocalCredentials}), hub mode HiveHub's keys
 * and its signed service calls ({@link HubCredentials}). A bearer credential and {@code X-API-Key}
 * may not name two different credentials. Every failure reads the same to the caller, is audited,
 * and counts against the client address, never against a key: a key's id is public, so counting
 * per key would let anyone lock its holder out. A tenant's credential then works only while the
 * tenant is active and only from addresses its access list permits (HiveHub's own calls for a
 * tenant are not held to it).
 */
@ApplicationScoped
public class AuthenticationService implements AuthenticateQuery {

    private final ServerSettings settings;
    private final TenantDirectoryPort directory;
    private final FailedAuthenticationsPort failures;
    private final AuditLogPort audit;
    private final LocalCredentials local;
    private final Optional<HubCredentials> hub;
    private final Clock clock;

    @Inject
    public AuthenticationService(ServerSettings settings, TenantDirectoryPort directory, FailedAuthenticationsPort failures, AuditLogPort audit,
            TokenVerifierPort tokens, KeyValidationPort hubKeys, NonceCachePort nonces) {
        this(settings, directory, failures, audit, tokens, hubKeys, nonces, Clock.systemUTC());
    }

    AuthenticationService(ServerSettings settings, TenantDirectoryPort directory, FailedAuthenticationsPort failures, AuditLogPort audit,
            TokenVerifierPort tokens, KeyValidationPort hubKeys, NonceCachePort nonces, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.failures = failures;
        this.audit = audit;
        this.local = new LocalCredentials(directory, tokens, settings.tokenMaxLifetime());
        this.hub = settings.hub().map(secrets -> new HubCredentials(secrets, hubKeys, nonces, new TenantsOnFirstUse(directory, clock)));
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected AuthenticationService() {
        this.settings = null;
        this.directory = null;
        this.failures = null;
        this.audit = null;
        this.local = null;
        this.hub = null;
        this.clock = null;
    }

    @Override
    public Caller authenticate(Credentials credentials) {
        ClientAddress client = ClientAddress.resolve(credentials.peerAddress(), credentials.forwardedFor(), settings.trustedProxies());
        if (settings.mode() == ServerMode.SINGLE) {
            return singleModeCaller(client);
        }
        boolean hubMode = settings.mode() == ServerMode.HUB;
        boolean serviceCall = hubMode && credentials.serviceCall().isPresent();
        Optional<String> presented = credentials.bearer().or(credentials::apiKey);
        if (presented.isEmpty() && !serviceCall) {
            throw new AuthenticationException(AuthenticationException.Reason.MISSING);
        }
        Instant now = clock.instant();
        String source = "ip:" + client.text();
        failures.blockedUntil(source, now).ifPresent(until -> {
            throw new TooManyFailuresException(Duration.between(now, until));
        });
        Optional<ApiKeySecret> secret = presented.flatMap(ApiKeySecret::parse);
        Optional<Caller> verified = presentsTwo(credentials, serviceCall) ? Optional.empty()
                : hubMode ? hubCaller(credentials, secret, now) : localCaller(credentials, presented.orElseThrow(), secret, now);
        return verified.flatMap(caller -> admitted(caller, client, now)).orElseThrow(() -> {
            recordFailure(source, now);
            String presentedWhat = serviceCall ? " hivehub-service-call"
                    : secret.map(s -> hubMode ? " key-sha256:" + Sha256.hex(s.reveal()).substring(0, 12) : " key:" + s.id()).orElse("");
            audit.record(new AuditEvent(now, AuditEvent.ANONYMOUS, Optional.empty(), AuditEvent.Action.AUTH_FAILURE, source + presentedWhat,
                    AuditEvent.Outcome.DENIED));
            return new AuthenticationException(AuthenticationException.Reason.INVALID);
        });
    }

    /** Two different credentials (or a service call with a key): which one would the request act for? */
    private static boolean presentsTwo(Credentials credentials, boolean serviceCall) {
        boolean keyOrToken = credentials.bearer().isPresent() || credentials.apiKey().isPresent();
        return serviceCall && keyOrToken
                || credentials.bearer().isPresent() && credentials.apiKey().isPresent() && !credentials.bearer().equals(credentials.apiKey());
    }

    private Optional<Caller> localCaller(Credentials credentials, String presented, Optional<ApiKeySecret> secret, Instant now) {
        if (secret.isPresent()) {
            return local.apiKey(secret.get(), now);
        }
        return credentials.apiKey().isEmpty() ? local.token(presented, now) : Optional.empty(); // a JWT only as a bearer token
    }

    /** HiveHub's keys and HiveHub's service calls; nothing else works in hub mode (no local keys, no JWTs). */
    private Optional<Caller> hubCaller(Credentials credentials, Optional<ApiKeySecret> secret, Instant now) {
        HubCredentials verifier = hub.orElseThrow(); // hub mode's settings always carry its secrets
        return credentials.serviceCall().isPresent() ? verifier.serviceCall(credentials.serviceCall().get(), now)
                : secret.flatMap(s -> verifier.keyHolder(s, now));
    }

    /**
     * The caller, if its tenant may act: empty if the tenant is unknown or being deleted (the
     * credential is then invalid); a suspended tenant, or a client address its access list does not
     * permit, is refused outright, since the credential itself is good.
     */
    private Optional<Caller> admitted(Caller caller, ClientAddress client, Instant now) {
        if (!(caller instanceof Caller.OfTenant ofTenant)) {
            return Optional.of(caller);
        }
        Optional<Tenant> tenant = directory.findTenant(ofTenant.tenant()).filter(t -> t.status() != TenantStatus.DELETING);
        if (tenant.filter(t -> t.status() == TenantStatus.SUSPENDED).isPresent()) {
            throw new ForbiddenException("the tenant is suspended");
        }
        boolean heldToAccessList = !(ofTenant.principal() instanceof Principal.HubService);
        if (heldToAccessList && tenant.filter(t -> !t.accessList().permits(client)).isPresent()) {
            audit.record(new AuditEvent(now, AuditEvent.actor(caller), Optional.of(ofTenant.tenant()), AuditEvent.Action.ADDRESS_REFUSED,
                    "ip:" + client.text(), AuditEvent.Outcome.DENIED));
            throw new ForbiddenException("this tenant's credentials may not be used from this address");
        }
        return tenant.map(t -> caller);
    }

    private Caller singleModeCaller(ClientAddress client) {
        if (!settings.singleModeAllowsRemote() && !client.ip().filter(InetAddress::isLoopbackAddress).isPresent()) {
            throw new ForbiddenException("single mode serves loopback clients only");
        }
        return Caller.OfTenant.singleMode();
    }

    private void recordFailure(String source, Instant now) {
        BruteForcePolicy policy = settings.bruteForce();
        if (failures.recordFailure(source, now, policy.window()) >= policy.maxFailures()) {
            failures.block(source, now.plus(policy.block()));
        }
    }
}
