package dev.vectorizer.application.service;

import dev.vectorizer.application.port.in.CreateCollectionUseCase;
import dev.vectorizer.application.port.in.DeleteCollectionUseCase;
import dev.vectorizer.application.port.in.GetCollectionQuery;
import dev.vectorizer.application.port.in.ListCollectionsQuery;
import dev.vectorizer.application.port.out.AuditLogPort;
import dev.vectorizer.application.port.out.CollectionCatalogPort;
import dev.vectorizer.application.port.out.EmbeddingPort;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionInfo;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Operation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CollectionService implements CreateCollectionUseCase, ListCollectionsQuery, GetCollectionQuery, DeleteCollectionUseCase {

    private final CollectionCatalogPort catalog;
    private final VectorIndexPort index;
    private final EmbeddingPort embedding;
    private final AuditLogPort audit;
    private final Clock clock;

    @Inject
    public CollectionService(CollectionCatalogPort catalog, VectorIndexPort index, EmbeddingPort embedding, AuditLogPort audit) {
        this(catalog, index, embedding, audit, Clock.systemUTC());
    }

    CollectionService(CollectionCatalogPort catalog, VectorIndexPort index, EmbeddingPort embedding, AuditLogPort audit, Clock clock) {
        this.catalog = catalog;
        this.index = index;
        this.embedding = embedding;
        this.audit = audit;
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected CollectionService() {
        this(null, null, null, null, null);
    }

    @Override
    public Collection create(Caller.OfTenant caller, CollectionName name, CollectionSpec spec) {
        TenantId tenant = caller.require(Operation.WRITE);
        spec.embeddingModel().ifPresent(model -> {
            InvalidValueException.require(model.equals(embedding.model()),
                    "unknown embedding_model '" + model + "' (this server embeds with " + embedding.model() + ")");
            InvalidValueException.require(spec.dimension() == embedding.dimension(),
                    "embedding_model " + model + " produces dimension " + embedding.dimension() + ", not " + spec.dimension());
        });
        Collection collection = new Collection(new CollectionRef(tenant, name), spec, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        catalog.add(collection);
        try {
            index.create(collection);
        } catch (RuntimeException e) {
            catalog.remove(collection.ref());
            throw e;
        }
        return collection;
    }

    @Override
    public List<CollectionInfo> list(Caller.OfTenant caller) {
        return catalog.list(caller.require(Operation.READ)).stream().map(c -> new CollectionInfo(c, index.stats(c))).toList();
    }

    @Override
    public CollectionInfo get(Caller.OfTenant caller, CollectionName name) {
        Collection collection = CollectionLookup.require(catalog, caller.require(Operation.READ), name);
        return new CollectionInfo(collection, index.stats(collection));
    }

    /** Removes the catalog entry first, so the collection disappears at once, then its files. */
    @Override
    public void delete(Caller.OfTenant caller, CollectionName name) {
        Collection collection = CollectionLookup.require(catalog, caller.require(Operation.DELETE_COLLECTION), name);
        catalog.remove(collection.ref());
        index.drop(collection.ref());
        audit.record(new AuditEvent(clock.instant(), AuditEvent.actor(caller), Optional.of(collection.ref().tenant()),
                AuditEvent.Action.COLLECTION_DELETE, name.value(), AuditEvent.Outcome.SUCCESS));
    }
}
