package dev.vectorizer.domain.tenant;

import java.util.EnumSet;
import java.util.Set;

/** Everything a tenant's credential can ask for, with the permissions that allow it. */
public enum Operation {
    READ(EnumSet.of(Permission.ADMIN, Permission.READ_WRITE, Permission.READ_ONLY, Permission.MCP)),
    WRITE(EnumSet.of(Permission.ADMIN, Permission.READ_WRITE, Permission.MCP)),
    DELETE_COLLECTION(EnumSet.of(Permission.ADMIN, Permission.READ_WRITE)),
    USE_MCP(EnumSet.of(Permission.ADMIN, Permission.MCP)),
    /** Create, upload, list, read and download the tenant's backups. */
    BACKUP(EnumSet.of(Permission.ADMIN, Permission.READ_WRITE)),
    /** Restore a backup into the tenant (it may replace collections). */
    RESTORE_BACKUP(EnumSet.of(Permission.ADMIN)),
    DELETE_BACKUP(EnumSet.of(Permission.ADMIN));

    private final Set<Permission> allowedBy;

    Operation(Set<Permission> allowedBy) {
        this.allowedBy = allowedBy;
    }

    /** True if any of the permissions allows this operation. */
    public boolean allowedBy(Set<Permission> permissions) {
        return permissions.stream().anyMatch(allowedBy::contains);
    }
}
