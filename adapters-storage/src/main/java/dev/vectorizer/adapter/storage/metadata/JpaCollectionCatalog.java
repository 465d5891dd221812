package dev.vectorizer.adapter.storage.metadata;

import dev.vectorizer.application.port.out.CollectionCatalogPort;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The collection catalog in JPA. A collection's record never changes after creation, so found
 * records are kept in memory (every request looks its collection up); adding and removing keep
 * that cache exact on this node.
 */
@ApplicationScoped
public class JpaCollectionCatalog implements CollectionCatalogPort {

    private final MetadataStore store;
    private final Map<String, Collection> known = new ConcurrentHashMap<>();
    /** Loading into the cache (shared) never overlaps a removal (exclusive), so no removed record is cached again. */
    private final ReadWriteLock cacheLoad = new ReentrantReadWriteLock();

    @Inject
    public JpaCollectionCatalog(MetadataStore store) {
        this.store = store;
    }

    /** For the CDI client proxy only. */
    protected JpaCollectionCatalog() {
        this(null);
    }

    @Override
    public void add(Collection collection) {
        ConflictException taken = new ConflictException("collection '" + collection.ref().name() + "' already exists");
        try {
            boolean added = store.inTransaction(em -> {
                if (em.find(CollectionEntity.class, collection.ref().storageKey()) != null) {
                    return false;
                }
                em.persist(new CollectionEntity(collection));
                return true;
            });
            if (!added) {
                throw taken;
            }
        } catch (PersistenceException raceLost) {
            // A concurrent create of the same name committed first: the primary key refused ours.
            if (find(collection.ref()).isPresent()) {
                throw taken;
            }
            throw raceLost;
        }
    }

    @Override
    public Optional<Collection> find(CollectionRef ref) {
        Collection cached = known.get(ref.storageKey());
        if (cached != null) {
            return Optional.of(cached);
        }
        cacheLoad.readLock().lock();
        try {
            Optional<Collection> stored = store.read(em -> Optional.ofNullable(em.find(CollectionEntity.class, ref.storageKey()))
                    .map(CollectionEntity::toDomain));
            stored.ifPresent(c -> known.put(ref.storageKey(), c));
            return stored;
        } finally {
            cacheLoad.readLock().unlock();
        }
    }

    @Override
    public List<Collection> list(TenantId tenant) {
        return store.read(em -> em.createNamedQuery(CollectionEntity.BY_TENANT, CollectionEntity.class)
                .setParameter("tenant", tenant.value()).getResultList().stream().map(CollectionEntity::toDomain).toList());
    }

    @Override
    public boolean remove(CollectionRef ref) {
        cacheLoad.writeLock().lock();
        try {
            known.remove(ref.storageKey());
            return store.inTransaction(em -> {
                CollectionEntity row = em.find(CollectionEntity.class, ref.storageKey());
                if (row == null) {
                    return false;
                }
                em.remove(row);
                return true;
            });
        } finally {
            cacheLoad.writeLock().unlock();
        }
    }
}
