package dev.vectorizer.domain.tenant;

import java.util.EnumSet;
import java.util.Set;

/** Everything a tenant's credential can ask for, with the permissions that allow it. */
public enum Operation {
    READ(EnumSet.of(Permission.ADMIN, Permission.READ_WRITE, Permission.READ_ONLY, Permission.MCP)),
    WRITE(EnumSet.of(Permission.ADMIN, Permission.READ_WRITE, Permission.MCP)),
    DELETE_COLLECTION(EnumSet.of(Permission.ADMIN, Permission.READ_WRITE)),
    /**
     * Reaching the MCP interface at all, on every request to it; each tool call then needs its own
     * operation too, so MCP never widens what a credential may do.
     */
    USE_MCP(EnumSet.of(Permission.ADMIN, Permission.MCP));

    private final Set<Permission> allowedBy;

    Operation(Set<Permission> allowedBy) {
        this.allowedBy = allowedBy;
    }

    /** True if any of the permissions allows this operation. */
    public boolean allowedBy(Set<Permission> permissions) {
        return permissions.stream().anyMatch(allowedBy::contains);
    }
}
