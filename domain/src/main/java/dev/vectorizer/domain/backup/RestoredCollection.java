package dev.vectorizer.domain.backup;

import dev.vectorizer.domain.CollectionName;

/** A collection a restore brought back: from which name in the backup, under which name, and whether it replaced one. */
public record RestoredCollection(CollectionName from, CollectionName to, long vectorCount, boolean replaced) {
}
