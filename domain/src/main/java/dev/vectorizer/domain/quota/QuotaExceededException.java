package dev.vectorizer.domain.quota;

/**
 * A write would take a tenant over one of its capacity limits: nothing was written. {@code used}
 * counts what the tenant holds plus what writes in progress have reserved; {@code requested} is
 * what this write would add.
 */
public final class QuotaExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Limit quota;
    private final long limit;
    private final long used;
    private final long requested;

    public QuotaExceededException(Limit quota, long limit, long used, long requested) {
        super("quota " + quota.wireName() + " exceeded: " + used + " of " + limit + " used, " + requested + " more requested");
        this.quota = quota;
        this.limit = limit;
        this.used = used;
        this.requested = requested;
    }

    public Limit quota() {
        return quota;
    }

    public long limit() {
        return limit;
    }

    public long used() {
        return used;
    }

    public long requested() {
        return requested;
    }
}
