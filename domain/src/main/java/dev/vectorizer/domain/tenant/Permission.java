package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.Names;

/**
 * What a credential may do within its tenant. The matrix (which operation needs what) is
 * {@link Operation#allowedBy}; it is the only place it is decided.
 */
public enum Permission {
    /** Everything within the tenant. */
    ADMIN,
    /** Read and write collections, vectors, text and searches. */
    READ_WRITE,
    /** Read and search only. */
    READ_ONLY,
    /** Use the MCP interface (with read and write rights through it). */
    MCP;

    public static Permission parse(String name) {
        return Names.parse(Permission.class, name, "permission");
    }
}
