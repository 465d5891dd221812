package dev.vectorizer.domain.tenant;

import java.util.EnumSet;
import java.util.Set;

/** Everything a tenant's credential can ask for, with the permissions that allow it. */
public enum Operation {
    READ(EnumSet.of(Permission.ADMIN, Permission.READ_WRITE, Permission.READ_ONLY, Permission.MCP), false),
    WRITE(EnumSet.of(Permission.ADMIN, Permission.READ_WRITE, Permission.MCP), false),
    DELETE_COLLECTION(EnumSet.of(Permission.ADMIN, Permission.READ_WRITE), true),
    /**
     * Reaching the MCP interface at all, on every request to it; each tool call then needs its own
     * operation too, so MCP never widens what a credential may do.
     */
    USE_MCP(EnumSet.of(Permission.ADMIN, Permission.MCP), false);

    private final Set<Permission> allowedBy;
    private final boolean needsLiveKey;

    Operation(Set<Permission> allowedBy, boolean needsLiveKey) {
        this.allowedBy = allowedBy;
        this.needsLiveKey = needsLiveKey;
    }

    /** True if any of the permissions allows this operation. */
    public boolean allowedBy(Set<Permission> permissions) {
        return permissions.stream().anyMatch(allowedBy::contains);
    }

    /**
     * True if a test key may not do this whatever its permissions: what cannot be undone (deleting a
     * collection with its vectors). A leaked test key, the kind that ends up in CI logs, can read
     * and write but never destroy.
     */
    public boolean needsLiveKey() {
        return needsLiveKey;
    }
}
