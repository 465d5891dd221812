package dev.vectorizer.domain;

import java.time.Instant;

/** A tenant's collection of vectors, as recorded in the metadata catalog. */
public record Collection(CollectionRef ref, CollectionSpec spec, Instant createdAt) {

    public Collection {
        InvalidValueException.require(ref != null, "collection ref is required");
        InvalidValueException.require(spec != null, "collection spec is required");
        InvalidValueException.require(createdAt != null, "creation time is required");
    }

    /** Fails unless {@code values} has this collection's dimension. */
    public void requireDimension(float[] values) {
        InvalidValueException.require(values.length == spec.dimension(),
                "vector has dimension " + values.length + ", collection '" + ref.name() + "' expects " + spec.dimension());
    }

    /** Text goes only into a collection whose vectors live in the space of the embedding {@code model} (of {@code dimension}). */
    public void requireEmbeddable(String model, int dimension) {
        InvalidValueException.require(spec.dimension() == dimension,
                "collection '" + ref.name() + "' has dimension " + spec.dimension() + "; text needs dimension " + dimension + " (" + model + ")");
    }
}
