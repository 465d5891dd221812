package dev.vectorizer.adapter.storage.metadata;

import dev.vectorizer.adapter.storage.DataDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The JPA metadata store: one resource-local persistence unit on an embedded H2 file database in
 * the data directory. The unit's descriptor has a non-standard name so that application servers do
 * not deploy it on their own default datasource; we bootstrap it here with our connection pool,
 * naming EclipseLink and our class loader explicitly so that it does not matter which thread
 * (a request, a health probe) touches the store first. It opens when the application starts.
 */
@ApplicationScoped
public class MetadataStore {

    static final String UNIT = "vectorizer-metadata";
    static final String DESCRIPTOR = "META-INF/vectorizer-persistence.xml";
    static final Duration COMPACTION_PERIOD = Duration.ofSeconds(1);

    private DataDirectory dataDirectory;
    private Duration compactionPeriod;
    private long rewriteMinBytes;
    private JdbcConnectionPool pool;
    private EntityManagerFactory factory;
    private FileCompaction compaction;

    @Inject
    public MetadataStore(DataDirectory dataDirectory) {
        this(dataDirectory, COMPACTION_PERIOD);
    }

    MetadataStore(DataDirectory dataDirectory, Duration compactionPeriod) {
        this(dataDirectory, compactionPeriod, FileCompaction.REWRITE_MIN_BYTES);
    }

    MetadataStore(DataDirectory dataDirectory, Duration compactionPeriod, long rewriteMinBytes) {
        this.dataDirectory = dataDirectory;
        this.compactionPeriod = compactionPeriod;
        this.rewriteMinBytes = rewriteMinBytes;
    }

    /** For the CDI client proxy only. */
    protected MetadataStore() {
    }

    @PostConstruct
    public void open() {
        // WRITE_DELAY=0: a committed transaction is handed to the OS before commit returns, so it survives kill -9.
        // It also stops H2's background writer, whose housekeeping kept the file compact: FileCompaction does that part.
        // COMPRESS=TRUE: pages are LZF-compressed. Each commit writes a new chunk of every page it changed, the chunk
        // metadata pages included (text that compresses well): a tenant's creation writes ~40 % less (docs/PERFORMANCE.md).
        // Each page says whether it is compressed, so files written before open as they are.
        String url = "jdbc:h2:file:" + dataDirectory.metadataDatabase() + ";WRITE_DELAY=0;COMPRESS=TRUE;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0";
        pool = JdbcConnectionPool.create(url, "vectorizer", "");
        factory = new PersistenceProvider().createEntityManagerFactory(UNIT, Map.of(
                "eclipselink.persistencexml", DESCRIPTOR,
                "eclipselink.classloader", MetadataStore.class.getClassLoader(),
                "jakarta.persistence.nonJtaDataSource", pool,
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL"));
        // Fail at start, not on the first request, if the database cannot be opened or migrated.
        read(em -> em.createNativeQuery("SELECT 1").getSingleResult());
        compaction = new FileCompaction(pool, compactionPeriod);
    }

    /** Opens the store at deployment, so a broken database fails the start instead of the first request. */
    void openOnStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        isReachable();
    }

    @PreDestroy
    public void close() {
        if (compaction != null) {
            compaction.close();
        }
        if (factory != null && factory.isOpen()) {
            factory.close();
        }
        if (pool != null) {
            FileCompaction.closeDatabase(pool, dataDirectory.metadataFile(), rewriteMinBytes);
        }
    }

    /** Runs {@code work} in one transaction, committing if it returns and rolling back if it throws. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    /** Runs read-only {@code work} outside a transaction. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    DataSource dataSource() {
        return pool;
    }

    /** True if the database answers a trivial query now. */
    public boolean isReachable() {
        try {
            return read(em -> em.createNativeQuery("SELECT 1").getSingleResult()) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
