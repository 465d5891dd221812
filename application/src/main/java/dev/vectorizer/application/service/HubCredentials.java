package dev.vectorizer.application.service;

import dev.vectorizer.application.ServerSettings;
import dev.vectorizer.application.port.in.AuthenticateQuery.Credentials.ServiceCallClaim;
import dev.vectorizer.application.port.out.KeyValidationPort;
import dev.vectorizer.application.port.out.NonceCachePort;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.hub.HubKey;
import dev.vectorizer.domain.hub.KeyVerdict;
import dev.vectorizer.domain.hub.ServiceCallSignature;
import dev.vectorizer.domain.tenant.ApiKeySecret;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.ForbiddenException;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The credentials of hub mode. A {@code hh_live_}/{@code hh_test_} key acts for the tenant HiveHub
 * says, with HiveHub's permissions, rate limits and expiry; it is a test key if HiveHub says so or
 * its prefix does. A service call is HiveHub's only with the service secret <em>and</em> a valid
 * signature over the request, made within {@link #CLOCK_SKEW} of now, with a nonce not seen in the
 * last {@link #REPLAY_WINDOW}; anything less is no credential at all.
 */
final class HubCredentials {

    /** How far a service call's timestamp may be from this server's clock, either way. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(300);
    /** How long a nonce is remembered: longer than any timestamp stays acceptable (now + skew, seen until then + skew). */
    static final Duration REPLAY_WINDOW = Duration.ofSeconds(600);

    private static final Pattern TIMESTAMP = Pattern.compile("-?\\d{1,12}");
    private static final Pattern NONCE = Pattern.compile("[\\x21-\\x7E]{8,128}");

    private final ServerSettings.HubSecrets secrets;
    private final KeyValidationPort keys;
    private final NonceCachePort nonces;
    private final TenantsOnFirstUse tenants;

    HubCredentials(ServerSettings.HubSecrets secrets, KeyValidationPort keys, NonceCachePort nonces, TenantsOnFirstUse tenants) {
        this.secrets = secrets;
        this.keys = keys;
        this.nonces = nonces;
        this.tenants = tenants;
    }

    /**
     * The key as HiveHub vouches for it and as it may work here: valid, not expired, for a tenant
     * id that is not reserved. Asks HiveHub (or its cached verdict), so it may throw
     * {@link dev.vectorizer.domain.hub.HubUnavailableException}.
     */
    static Optional<HubKey> usable(KeyValidationPort keys, ApiKeySecret secret, Instant now) {
        return keys.validate(secret) instanceof KeyVerdict.Valid valid && valid.key().worksAt(now) && !valid.key().tenant().isReserved()
                ? Optional.of(valid.key()) : Optional.empty();
    }

    /** The holder of a key HiveHub vouches for, its tenant recorded here on first use. */
    Optional<Caller> keyHolder(ApiKeySecret secret, Instant now) {
        return usable(keys, secret, now).map(key -> {
            tenants.ensure(key.tenant(), key.tenantName());
            return new Caller.OfTenant(key.tenant(), new Principal.HubKeyHolder(key.keyId()), key.permissions(), key.test() || secret.isTest(),
                    key.rateLimits());
        });
    }

    /**
     * HiveHub, if the claim is genuine: itself without a user, or acting for the tenant the user
     * id names (recorded here on first use) with every permission. A genuine call naming a
     * malformed tenant id is a 400, a reserved one a 403.
     */
    Optional<Caller> serviceCall(ServiceCallClaim claim, Instant now) {
        if (!isGenuine(claim, now)) {
            return Optional.empty();
        }
        if (claim.userId().isEmpty()) {
            return Optional.of(new Caller.HiveHub());
        }
        TenantId tenant = new TenantId(claim.userId().get());
        if (tenant.isReserved()) {
            throw new ForbiddenException("tenant id '" + tenant + "' is reserved");
        }
        tenants.ensure(tenant, tenant.value());
        return Optional.of(new Caller.OfTenant(tenant, new Principal.HubService(), EnumSet.allOf(Permission.class), false));
    }

    private boolean isGenuine(ServiceCallClaim claim, Instant now) {
        if (!secrets.service().matches(claim.serviceSecret()) || claim.signed().isEmpty() || claim.signature().isEmpty()) {
            return false;
        }
        ServiceCallSignature signed = claim.signed().get();
        if (!TIMESTAMP.matcher(signed.timestamp()).matches() || !NONCE.matcher(signed.nonce()).matches()) {
            return false;
        }
        long skew = Math.abs(now.getEpochSecond() - Long.parseLong(signed.timestamp()));
        return skew <= CLOCK_SKEW.toSeconds() && signed.isSignedBy(secrets.signing(), claim.signature().get())
                && nonces.firstUse(signed.nonce(), now, now.plus(REPLAY_WINDOW));
    }
}
