package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who a request acts for, once authenticated. Use cases take the exact kind they serve
 * ({@link OfTenant} for tenant data, {@link InstallationAdmin} for administration), so a use case
 * cannot be reached by the wrong kind of caller: the inbound adapter has to resolve it first.
 */
public sealed interface Caller {

    /** A tenant's credential (an API key, a JWT, or single mode's implicit user). */
    record OfTenant(TenantId tenant, Principal principal, Set<Permission> permissions, boolean test) implements Caller {

        public OfTenant {
            InvalidValueException.require(tenant != null && principal != null && permissions != null, "caller fields are required");
            permissions = Set.copyOf(permissions);
        }

        /** The implicit caller of single mode: the {@code default} tenant with every permission. */
        public static OfTenant singleMode() {
            return new OfTenant(TenantId.DEFAULT, new Principal.SingleModeUser(), EnumSet.allOf(Permission.class), false);
        }

        /** Fails with {@link ForbiddenException} unless this caller's permissions allow {@code operation}. */
        public TenantId require(Operation operation) {
            if (!operation.allowedBy(permissions)) {
                throw new ForbiddenException("this credential may not " + operation.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
            return tenant;
        }
    }

    /** The installation's administrator: manages tenants and keys, owns no data. */
    record InstallationAdmin(ApiKeyId key) implements Caller {

        public InstallationAdmin {
            InvalidValueException.require(key != null, "api key id is required");
        }
    }
}
