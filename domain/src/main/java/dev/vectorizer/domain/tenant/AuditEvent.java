package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * One security-relevant action: who ({@link #actor(Caller)}, or {@code anonymous} for a failed
 * authentication), for which tenant, what, on what, with which outcome, and when.
 */
public record AuditEvent(Instant at, String actor, Optional<TenantId> tenant, Action action, String target, Outcome outcome) {

    /** Longest actor name; a longer token subject is shortened to a prefix and a digest of the whole. */
    public static final int MAX_ACTOR_LENGTH = 64;

    private static final int DIGEST_CHARS = 16;
    private static final String HIVEHUB = "hivehub";

    public enum Action {
        TENANT_CREATE, TENANT_SUSPEND, TENANT_RESUME, TENANT_DELETE,
        KEY_CREATE, KEY_ROTATE, KEY_REVOKE,
        TENANT_ACCESS_LIST, COLLECTION_DELETE, COLLECTION_ADOPT, AUTH_FAILURE, ADDRESS_REFUSED
    }

    public enum Outcome { SUCCESS, DENIED, FAILED }

    public AuditEvent {
        InvalidValueException.require(at != null && actor != null && tenant != null && action != null && target != null && outcome != null,
                "audit event fields are required");
        InvalidValueException.require(!actor.isBlank() && actor.length() <= MAX_ACTOR_LENGTH, "audit actor must be 1.." + MAX_ACTOR_LENGTH + " characters");
    }

    /** The actor of every failed or refused authentication: nobody is proven yet. */
    public static final String ANONYMOUS = "anonymous";

    /** A successful action of {@code caller} on one of {@code tenant}'s things. */
    public static AuditEvent success(Instant at, Caller caller, TenantId tenant, Action action, String target) {
        return new AuditEvent(at, actor(caller), Optional.of(tenant), action, target, Outcome.SUCCESS);
    }

    /**
     * How a caller is named in the audit log: {@code admin:<key id>} for the installation
     * administrator, the key id for a tenant's API key, {@code jwt:<subject>} for a token (prefixed,
     * so a subject can never pass for a key id or the administrator), {@code hub-key:<id>} for a key
     * HiveHub validated, {@code hivehub} for HiveHub's own service calls (with or without a user),
     * {@code single-mode} for single mode's implicit user.
     */
    public static String actor(Caller caller) {
        return switch (caller) {
            case Caller.InstallationAdmin admin -> "admin:" + admin.key();
            case Caller.HiveHub hub -> HIVEHUB;
            case Caller.OfTenant tenant -> switch (tenant.principal()) {
                case Principal.KeyHolder holder -> holder.key().value();
                case Principal.TokenSubject token -> bounded("jwt:" + token.subject());
                case Principal.HubKeyHolder holder -> bounded("hub-key:" + holder.keyId());
                case Principal.HubService service -> HIVEHUB;
                case Principal.SingleModeUser user -> "single-mode";
            };
        };
    }

    private static String bounded(String name) {
        if (name.length() <= MAX_ACTOR_LENGTH) {
            return name;
        }
        String suffix = "~" + Sha256.hex(name).substring(0, DIGEST_CHARS);
        int cut = MAX_ACTOR_LENGTH - suffix.length();
        if (Character.isHighSurrogate(name.charAt(cut - 1))) {
            cut--; // never split a character
        }
        return name.substring(0, cut) + suffix;
    }
}
