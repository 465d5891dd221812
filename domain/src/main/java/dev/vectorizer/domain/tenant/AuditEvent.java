package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * One security-relevant action: who (a key id, {@code admin:<key id>} or {@code anonymous}), for
 * which tenant, what, on what, with which outcome, and when.
 */
public record AuditEvent(Instant at, String actor, Optional<TenantId> tenant, Action action, String target, Outcome outcome) {

    public enum Action {
        TENANT_CREATE, TENANT_SUSPEND, TENANT_RESUME, TENANT_DELETE,
        KEY_CREATE, KEY_ROTATE, KEY_REVOKE,
        COLLECTION_DELETE, COLLECTION_ADOPT, AUTH_FAILURE
    }

    public enum Outcome { SUCCESS, DENIED, FAILED }

    public AuditEvent {
        InvalidValueException.require(at != null && actor != null && tenant != null && action != null && target != null && outcome != null,
                "audit event fields are required");
    }

    /** How a caller is named in the audit log. */
    public static String actor(Caller caller) {
        return switch (caller) {
            case Caller.InstallationAdmin admin -> "admin:" + admin.key();
            case Caller.OfTenant tenant -> tenant.key().map(ApiKeyId::value).orElse("single-mode");
        };
    }
}
