package dev.vectorizer.domain.usage;

/**
 * What a write changed in what a collection holds: vectors added (negative: removed) and stored
 * bytes gained (negative: freed), as {@link dev.vectorizer.domain.Vector#storedBytes} counts them.
 */
public record UsageChange(long vectors, long bytes) {

    public static final UsageChange NONE = new UsageChange(0, 0);

    public UsageChange plus(UsageChange other) {
        return new UsageChange(vectors + other.vectors, bytes + other.bytes);
    }

    public UsageChange negated() {
        return new UsageChange(-vectors, -bytes);
    }
}
