package dev.vectorizer.domain.usage;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.InvalidValueException;

/** What one collection holds: its vectors and their stored bytes (the measure of the storage quota). */
public record CollectionUsage(CollectionName name, long vectorCount, long storageBytes) {

    public CollectionUsage {
        InvalidValueException.require(name != null, "collection name is required");
        InvalidValueException.require(vectorCount >= 0 && storageBytes >= 0, "usage cannot be negative");
    }
}
