package dev.vectorizer.application.service;

import dev.vectorizer.application.port.in.CreateCollectionUseCase;
import dev.vectorizer.application.port.in.DeleteCollectionUseCase;
import dev.vectorizer.application.port.in.GetCollectionQuery;
import dev.vectorizer.application.port.in.ListCollectionsQuery;
import dev.vectorizer.application.port.out.AuditLogPort;
import dev.vectorizer.application.port.out.CollectionCatalogPort;
import dev.vectorizer.application.port.out.EmbeddingPort;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.application.usage.OperationLog;
import dev.vectorizer.application.usage.QuotaLedger;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionInfo;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.AuditEvent;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Operation;
import dev.vectorizer.domain.usage.OperationLogEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CollectionService implements CreateCollectionUseCase, ListCollectionsQuery, GetCollectionQuery, DeleteCollectionUseCase {

    private final CollectionCatalogPort catalog;
    private final VectorIndexPort index;
    private final EmbeddingPort embedding;
    private final AuditLogPort audit;
    private final QuotaLedger ledger;
    private final OperationLog operations;
    private final Clock clock;

    @Inject
    public CollectionService(CollectionCatalogPort catalog, VectorIndexPort index, EmbeddingPort embedding, AuditLogPort audit, QuotaLedger ledger,
            OperationLog operations) {
        this(catalog, index, embedding, audit, ledger, operations, Clock.systemUTC());
    }

    CollectionService(CollectionCatalogPort catalog, VectorIndexPort index, EmbeddingPort embedding, AuditLogPort audit, QuotaLedger ledger,
            OperationLog operations, Clock clock) {
        this.catalog = catalog;
        this.index = index;
        this.embedding = embedding;
        this.audit = audit;
        this.ledger = ledger;
        this.operations = operations;
        this.clock = clock;
    }

    /** For the CDI client proxy only. */
    protected CollectionService() {
        this(null, null, null, null, null, null, null);
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
        Collection collection = new Collection(new CollectionRef(tenant, name), spec, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                Incarnation.random());
        // The index first: once the catalog shows the collection, its files exist. A concurrent create
        // of the same name loses in the catalog (409) and drops only its own, fresh incarnation. The
        // files stay unsettled until the catalog entry is made, so a crash in between leaves nothing (CrashRecovery).
        operations.logged(tenant, OperationLogEntry.Kind.CREATE_COLLECTION, name, () -> ledger.createCollection(collection, () -> {
            index.create(collection);
            try {
                catalog.add(collection);
            } catch (RuntimeException e) {
                index.drop(collection);
                throw e;
            }
            index.settle(collection);
        }));
        return collection;
    }

    /** The tenant's collections; one deleted while the list is being made is left out. */
    @Override
    public List<CollectionInfo> list(Caller.OfTenant caller) {
        List<CollectionInfo> infos = new ArrayList<>();
        for (Collection collection : catalog.list(caller.require(Operation.READ))) {
            try {
                infos.add(new CollectionInfo(collection, index.stats(collection)));
            } catch (NotFoundException deletedMeanwhile) {
                // gone since the catalog was read
            }
        }
        return infos;
    }

    @Override
    public CollectionInfo get(Caller.OfTenant caller, CollectionName name) {
        Collection collection = CollectionLookup.require(catalog, caller.require(Operation.READ), name);
        return new CollectionInfo(collection, index.stats(collection));
    }

    /**
     * Removes the catalog entry first, so the collection disappears at once, then its files; both only
     * of the incarnation this call resolved. If that one is gone meanwhile (another delete won), the
     * answer is not found, and a newer collection of the same name is never touched.
     */
    @Override
    public void delete(Caller.OfTenant caller, CollectionName name) {
        Collection collection = CollectionLookup.require(catalog, caller.require(Operation.DELETE_COLLECTION), name);
        operations.logged(collection.ref().tenant(), OperationLogEntry.Kind.DELETE_COLLECTION, name, () -> {
            index.unsettle(collection); // a crash before the drop leaves files that the next start deletes
            if (!catalog.remove(collection)) {
                throw NotFoundException.collection(name);
            }
            index.drop(collection);
            ledger.dropped(collection);
        });
        audit.record(new AuditEvent(clock.instant(), AuditEvent.actor(caller), Optional.of(collection.ref().tenant()),
                AuditEvent.Action.COLLECTION_DELETE, name.value(), AuditEvent.Outcome.SUCCESS));
    }
}
