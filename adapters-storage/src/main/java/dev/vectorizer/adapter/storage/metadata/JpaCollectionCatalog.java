package dev.vectorizer.adapter.storage.metadata;

import dev.vectorizer.application.port.out.CollectionCatalogPort;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The collection catalog in JPA; every request looks its collection up, so records are cached ({@link RecordCache}). */
@ApplicationScoped
public class JpaCollectionCatalog implements CollectionCatalogPort {

    private final MetadataStore store;
    private final RecordCache<Collection> cache;

    /** Caches at most {@code maxCachedRecords} collections (and as many absent ones). */
    @Inject
    public JpaCollectionCatalog(MetadataStore store, @ConfigProperty(name = "vectorizer.storage.record-cache-size") int maxCachedRecords) {
        this.store = store;
        this.cache = new RecordCache<>(maxCachedRecords);
    }

    public JpaCollectionCatalog(MetadataStore store) {
        this(store, RecordCache.DEFAULT_MAX_RECORDS);
    }

    /** For the CDI client proxy only. */
    protected JpaCollectionCatalog() {
        this(null);
    }

    @Override
    public void add(Collection collection) {
        ConflictException taken = new ConflictException("collection '" + collection.ref().name() + "' already exists");
        boolean added;
        try {
            added = cache.change(collection.ref().storageKey(), () -> store.inTransaction(em -> {
                if (em.find(CollectionEntity.class, collection.ref().storageKey()) != null) {
                    return false;
                }
                em.persist(new CollectionEntity(collection));
                return true;
            }));
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw taken; // a concurrent create of the same name committed first: the primary key refused ours
            }
            throw e;
        }
        if (!added) {
            throw taken;
        }
    }

    /** True if the database refused a write for an integrity constraint (SQL state class 23), e.g. a duplicate key. */
    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
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
    public boolean remove(Collection collection) {
        String key = collection.ref().storageKey();
        // one statement, so a row of another incarnation written meanwhile is never removed
        return cache.change(key, () -> store.inTransaction(em -> em.createNamedQuery(CollectionEntity.REMOVE_INCARNATION)
                .setParameter("key", key).setParameter("incarnation", collection.incarnation().value()).executeUpdate() == 1));
    }

    @Override
    public boolean replace(Collection current, Collection replacement) {
        String key = current.ref().storageKey();
        if (!replacement.ref().equals(current.ref())) {
            throw new IllegalArgumentException("a replacement keeps the collection's ref");
        }
        // one transaction: the old incarnation's row goes and the new one's comes, or neither
        return cache.change(key, () -> store.inTransaction(em -> {
            if (em.createNamedQuery(CollectionEntity.REMOVE_INCARNATION).setParameter("key", key)
                    .setParameter("incarnation", current.incarnation().value()).executeUpdate() != 1) {
                return false;
            }
            em.persist(new CollectionEntity(replacement));
            return true;
        }));
    }
}
