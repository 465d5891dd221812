package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.TenantId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Who a request acts for, once authenticated. */
public sealed interface Caller {

    /** A tenant's credential (an API key, a JWT, or single mode's implicit caller). */
    record OfTenant(TenantId tenant, Optional<ApiKeyId> key, Set<Permission> permissions, boolean test) implements Caller {

        public OfTenant {
            permissions = Set.copyOf(permissions);
        }

        /** The implicit caller of single mode: the {@code default} tenant with every permission. */
        public static OfTenant singleMode() {
            return new OfTenant(TenantId.DEFAULT, Optional.empty(), EnumSet.allOf(Permission.class), false);
        }

        /** Fails with {@link ForbiddenException} unless this caller's permissions allow {@code operation}. */
        public TenantId require(Operation operation) {
            if (!operation.allowedBy(permissions)) {
                throw new ForbiddenException("this credential may not " + operation.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
            return tenant;
        }
    }

    /** The installation's administrator: manages tenants and keys, owns no data. */
    record InstallationAdmin(ApiKeyId key) implements Caller {
    }
}
