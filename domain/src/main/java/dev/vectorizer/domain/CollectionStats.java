package dev.vectorizer.domain;

/** How much a collection holds right now. */
public record CollectionStats(long vectorCount, long sizeBytes) {

    public CollectionStats {
        InvalidValueException.require(vectorCount >= 0 && sizeBytes >= 0, "stats cannot be negative");
    }
}
