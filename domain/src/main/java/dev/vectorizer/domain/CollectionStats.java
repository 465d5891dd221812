package dev.vectorizer.domain;

/**
 * How much a collection holds right now: its vectors, the bytes its files take on disk, and the
 * bytes of its data as the storage quota counts them ({@link Vector#storedBytes}).
 */
public record CollectionStats(long vectorCount, long sizeBytes, long storedBytes) {

    public CollectionStats {
        InvalidValueException.require(vectorCount >= 0 && sizeBytes >= 0 && storedBytes >= 0, "stats cannot be negative");
    }
}
