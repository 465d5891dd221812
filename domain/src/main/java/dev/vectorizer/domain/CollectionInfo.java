package dev.vectorizer.domain;

/** A collection together with what it holds now. */
public record CollectionInfo(Collection collection, CollectionStats stats) {
}
