package dev.vectorizer.application.service;

import dev.vectorizer.application.port.in.DeleteVectorsUseCase;
import dev.vectorizer.application.port.in.GetVectorQuery;
import dev.vectorizer.application.port.in.InsertTextUseCase;
import dev.vectorizer.application.port.in.UpdatePayloadUseCase;
import dev.vectorizer.application.port.in.UpsertVectorsUseCase;
import dev.vectorizer.application.port.out.CollectionCatalogPort;
import dev.vectorizer.application.port.out.EmbeddingPort;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.application.usage.OperationLog;
import dev.vectorizer.application.usage.QuotaLedger;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.NotFoundException;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.TextChunker;
import dev.vectorizer.domain.TextDocument;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.Match;
import dev.vectorizer.domain.search.Range;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.Operation;
import dev.vectorizer.domain.usage.OperationLogEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class VectorService implements UpsertVectorsUseCase, GetVectorQuery, DeleteVectorsUseCase, InsertTextUseCase, UpdatePayloadUseCase {

    private final CollectionCatalogPort catalog;
    private final VectorIndexPort index;
    private final EmbeddingPort embedding;
    private final QuotaLedger ledger;
    private final OperationLog operations;
    private final TextChunker chunker = TextChunker.DEFAULT;
    private final CollectionWriteLocks locks = new CollectionWriteLocks();

    @Inject
    public VectorService(CollectionCatalogPort catalog, VectorIndexPort index, EmbeddingPort embedding, QuotaLedger ledger, OperationLog operations) {
        this.catalog = catalog;
        this.index = index;
        this.embedding = embedding;
        this.ledger = ledger;
        this.operations = operations;
    }

    /** For the CDI client proxy only. */
    protected VectorService() {
        this(null, null, null, null, null);
    }

    @Override
    public int upsert(Caller.OfTenant caller, CollectionName name, List<Vector> vectors) {
        Collection collection = CollectionLookup.require(catalog, caller.require(Operation.WRITE), name);
        Batches.require(vectors.size(), MAX_BATCH, "vectors");
        Set<VectorId> seen = new HashSet<>();
        for (Vector vector : vectors) {
            InvalidValueException.require(seen.add(vector.id()), "vector id '" + vector.id() + "' appears twice in the batch");
            collection.requireComparable(vector.values(), "vector '" + vector.id() + "'");
        }
        return locks.shared(collection, () -> {
            operations.logged(collection.ref().tenant(), OperationLogEntry.Kind.INSERT_VECTORS, name, () -> ledger.upsert(collection, vectors));
            return vectors.size();
        });
    }

    @Override
    public Vector get(Caller.OfTenant caller, CollectionName name, VectorId id) {
        Collection collection = CollectionLookup.require(catalog, caller.require(Operation.READ), name);
        return index.get(collection, id).orElseThrow(() -> NotFoundException.vector(name, id));
    }

    @Override
    public long delete(Caller.OfTenant caller, CollectionName name, List<VectorId> ids) {
        Collection collection = CollectionLookup.require(catalog, caller.require(Operation.WRITE), name);
        Batches.require(ids.size(), MAX_BATCH, "ids");
        return locks.shared(collection, () -> -operations.logged(collection.ref().tenant(), OperationLogEntry.Kind.DELETE_VECTORS, name,
                () -> ledger.delete(collection, List.copyOf(new HashSet<>(ids)))).vectors());
    }

    @Override
    public long deleteMatching(Caller.OfTenant caller, CollectionName name, Filter filter) {
        Collection collection = CollectionLookup.require(catalog, caller.require(Operation.WRITE), name);
        return locks.shared(collection, () -> -operations.logged(collection.ref().tenant(), OperationLogEntry.Kind.DELETE_VECTORS, name,
                () -> ledger.deleteMatching(collection, filter)).vectors());
    }

    @Override
    public Vector updatePayload(Caller.OfTenant caller, CollectionName name, VectorId id, Payload payload) {
        Collection collection = CollectionLookup.require(catalog, caller.require(Operation.WRITE), name);
        return locks.exclusive(collection, () -> {
            Vector stored = index.get(collection, id).orElseThrow(() -> NotFoundException.vector(name, id));
            Vector updated = new Vector(id, stored.values(), payload, stored.text());
            // Through the ledger: a bigger payload counts against max_storage_bytes like any other write.
            operations.logged(collection.ref().tenant(), OperationLogEntry.Kind.INSERT_VECTORS, name, () -> ledger.upsert(collection, List.of(updated)));
            return updated;
        });
    }

    @Override
    public List<VectorId> insertText(Caller.OfTenant caller, CollectionName name, TextDocument document) {
        Collection collection = CollectionLookup.require(catalog, caller.require(Operation.WRITE), name);
        collection.requireEmbeddable(embedding.model(), embedding.dimension());
        List<String> chunks = chunker.chunk(document.text());
        Batches.require(chunks.size(), MAX_BATCH, "text chunks");
        List<float[]> embeddings = embedding.embed(chunks);
        List<Vector> vectors = new ArrayList<>(chunks.size());
        for (int n = 0; n < chunks.size(); n++) {
            collection.requireComparable(embeddings.get(n), "the embedding of chunk " + n);
            String chunk = chunks.get(n);
            Payload payload = document.payload().with("text", chunk).with("document_id", document.id()).with("chunk", (long) n);
            vectors.add(new Vector(document.chunkId(n), embeddings.get(n), payload, Optional.of(chunk)));
        }
        return locks.shared(collection, () -> {
            operations.logged(collection.ref().tenant(), OperationLogEntry.Kind.INSERT_TEXT, name, () -> {
                ledger.upsert(collection, vectors);
                // A document inserted again with less text has fewer chunks: drop the ones left from before.
                ledger.deleteMatching(collection, new Filter(List.of(new Match("document_id", document.id()),
                        new Range("chunk", null, (double) chunks.size(), null, null)), null, null));
            });
            return vectors.stream().map(Vector::id).toList();
        });
    }
}
