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
import java.util.Optional;

/** The collection catalog in JPA; every request looks its collection up, so found records are cached. */
@ApplicationScoped
public class JpaCollectionCatalog implements CollectionCatalogPort {

    private final MetadataStore store;
    private final RecordCache<Collection> cache = new RecordCache<>();

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
        return cache.find(ref.storageKey(), () -> store.read(em -> Optional.ofNullable(em.find(CollectionEntity.class, ref.storageKey()))
                .map(CollectionEntity::toDomain)));
    }

    @Override
    public List<Collection> list(TenantId tenant) {
        return store.read(em -> em.createNamedQuery(CollectionEntity.BY_TENANT, CollectionEntity.class)
                .setParameter("tenant", tenant.value()).getResultList().stream().map(CollectionEntity::toDomain).toList());
    }

    @Override
    public boolean remove(CollectionRef ref) {
        return cache.change(ref.storageKey(), () -> store.inTransaction(em -> {
            CollectionEntity row = em.find(CollectionEntity.class, ref.storageKey());
            if (row == null) {
                return false;
            }
            em.remove(row);
            return true;
        }));
    }
}
