package dev.vectorizer.application.service;

import dev.vectorizer.application.port.out.CollectionCatalogPort;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.TenantId;

/** Resolves a tenant's collection by name; the one way every use case finds a collection. */
final class CollectionLookup {

    private CollectionLookup() {
    }

    /** The tenant's collection, or not found: another tenant's collection of that name is invisible here. */
    static Collection require(CollectionCatalogPort catalog, TenantId tenant, CollectionName name) {
        return catalog.find(new CollectionRef(tenant, name)).orElseThrow(() -> NotFoundException.collection(name));
    }
}
