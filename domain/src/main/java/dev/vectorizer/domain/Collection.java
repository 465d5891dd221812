package dev.vectorizer.domain;

import java.time.Instant;

/**
 * A tenant's collection of vectors, as recorded in the metadata catalog: which name it has
 * ({@code ref}), which instance of that name it is ({@code incarnation}) and what it holds.
 */
public record Collection(CollectionRef ref, CollectionSpec spec, Instant createdAt, Incarnation incarnation) {

    public Collection {
        InvalidValueException.require(ref != null, "collection ref is required");
        InvalidValueException.require(spec != null, "collection spec is required");
        InvalidValueException.require(createdAt != null, "creation time is required");
        InvalidValueException.require(incarnation != null, "incarnation is required");
    }

    /** The same collection (same incarnation, settings and creation time) under another ref. */
    public Collection movedTo(CollectionRef target) {
        return new Collection(target, spec, createdAt, incarnation);
    }

    /**
     * Fails unless {@code values} can be stored in or searched for in this collection: it has the
     * collection's dimension and its metric can score it ({@link Metric#requireComparable}).
     * {@code what} names the vector in the message, e.g. {@code "vector 'a'"} or {@code "query vector"}.
     */
    public void requireComparable(float[] values, String what) {
        InvalidValueException.require(values.length == spec.dimension(),
                what + " has dimension " + values.length + ", collection '" + ref.name() + "' expects " + spec.dimension());
        spec.metric().requireComparable(values, what);
    }

    /** Text goes only into a collection whose vectors live in the space of the embedding {@code model} (of {@code dimension}). */
    public void requireEmbeddable(String model, int dimension) {
        InvalidValueException.require(spec.dimension() == dimension,
                "collection '" + ref.name() + "' has dimension " + spec.dimension() + "; text needs dimension " + dimension + " (" + model + ")");
    }
}
