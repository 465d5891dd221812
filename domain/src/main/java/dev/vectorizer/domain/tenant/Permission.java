package dev.vectorizer.domain.tenant;

import dev.vectorizer.domain.InvalidValueException;

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
        for (Permission p : values()) {
            if (p.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return p;
            }
        }
        throw new InvalidValueException("unknown permission '" + name + "' (expected ADMIN, READ_WRITE, READ_ONLY or MCP)");
    }
}
