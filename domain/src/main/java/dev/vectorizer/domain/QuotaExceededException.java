package dev.vectorizer.domain;

/**
 * The request would take a tenant over one of its quotas: which one, its limit, what is used and
 * what the request asked for.
 */
public final class QuotaExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String quota;
    private final long limit;
    private final long used;
    private final long requested;

    public QuotaExceededException(String quota, long limit, long used, long requested) {
        super("quota " + quota + " exceeded: limit " + limit + ", used " + used + ", requested " + requested);
        this.quota = quota;
        this.limit = limit;
        this.used = used;
        this.requested = requested;
    }

    public String quota() {
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
