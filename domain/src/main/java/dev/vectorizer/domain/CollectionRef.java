package dev.vectorizer.domain;

/** A collection as the system addresses it: the owning tenant plus the tenant-local name. */
public record CollectionRef(TenantId tenant, CollectionName name) {

    public CollectionRef {
        InvalidValueException.require(tenant != null, "tenant is required");
        InvalidValueException.require(name != null, "collection name is required");
    }

    /**
     * The storage key {@code tenantId:name}. This is the only place it is built; the separator
     * cannot occur in either part, so two different refs never share a key.
     */
    public String storageKey() {
        return tenant.value() + ":" + name.value();
    }

    @Override
    public String toString() {
        return storageKey();
    }
}
