package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who a request acts for, once authenticated. Use cases take the exact kind they serve
 * ({@link OfTenant} for tenant data, {@link InstallationAdmin} for administration, a
 * {@link ControlPlane} for a tenant's lifecycle), so a use case cannot be reached by the wrong kind
 * of caller: the inbound adapter has to resolve it first.
 */
public sealed interface Caller {

    /**
     * Whoever owns the tenants' lifecycle: the installation administrator in standalone mode,
     * HiveHub in hub mode. Both may delete a tenant and set its IP access list.
     */
    sealed interface ControlPlane extends Caller {
    }

    /**
     * A tenant's credential (an API key, a JWT, a HiveHub key, HiveHub acting for the tenant, or
     * single mode's implicit user).
     *
     * @param test whether the credential is a test key, which may not do what cannot be undone
     *        ({@link Operation#needsLiveKey})
     * @param rateLimits the credential's own request rate limits (a HiveHub key's), {@link RateLimits#NONE} if it has none
     */
    record OfTenant(TenantId tenant, Principal principal, Set<Permission> permissions, boolean test, RateLimits rateLimits)
            implements Caller {

        public OfTenant {
            InvalidValueException.require(tenant != null && principal != null && permissions != null && rateLimits != null,
                    "caller fields are required");
            permissions = Set.copyOf(permissions);
        }

        /** A caller without rate limits of its own. */
        public OfTenant(TenantId tenant, Principal principal, Set<Permission> permissions, boolean test) {
            this(tenant, principal, permissions, test, RateLimits.NONE);
        }

        /** The implicit caller of single mode: the {@code default} tenant with every permission. */
        public static OfTenant singleMode() {
            return new OfTenant(TenantId.DEFAULT, new Principal.SingleModeUser(), EnumSet.allOf(Permission.class), false);
        }

        /**
         * Fails with {@link ForbiddenException} unless this caller's permissions allow
         * {@code operation} and, for a test key, the operation is one a test key may do.
         */
        public TenantId require(Operation operation) {
            String what = operation.name().toLowerCase(Locale.ROOT).replace('_', ' ');
            if (!operation.allowedBy(permissions)) {
                throw new ForbiddenException("this credential may not " + what);
            }
            if (test && operation.needsLiveKey()) {
                throw new ForbiddenException("a test key may not " + what + "; use a live key");
            }
            return tenant;
        }
    }

    /** The installation's administrator: manages tenants and keys, owns no data. */
    record InstallationAdmin(ApiKeyId key) implements ControlPlane {

        public InstallationAdmin {
            InvalidValueException.require(key != null, "api key id is required");
        }
    }

    /**
     * HiveHub itself, in a signed service call that names no user: it validates keys and ends
     * tenants, and owns no data.
     */
    record HiveHub() implements ControlPlane {
    }
}
