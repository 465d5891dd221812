package dev.vectorizer.domain;

/**
 * The thing asked for does not exist for this tenant. Something that belongs to another tenant is
 * reported exactly like something that does not exist.
 */
public final class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException collection(CollectionName name) {
        return new NotFoundException("collection '" + name + "' not found");
    }

    public static NotFoundException vector(CollectionName collection, VectorId id) {
        return new NotFoundException("vector '" + id + "' not found in collection '" + collection + "'");
    }
}
