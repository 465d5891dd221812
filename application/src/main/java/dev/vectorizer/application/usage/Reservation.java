package dev.vectorizer.application.usage;

/**
 * Capacity set aside for a write in progress, counted as used until the write is committed or the
 * reservation released ({@link QuotaLedger}). Release or commit it exactly once.
 */
public final class Reservation {

    final TenantAccount account;
    final long collections;
    final long vectors;
    final long bytes;

    Reservation(TenantAccount account, long collections, long vectors, long bytes) {
        this.account = account;
        this.collections = collections;
        this.vectors = vectors;
        this.bytes = bytes;
    }
}
