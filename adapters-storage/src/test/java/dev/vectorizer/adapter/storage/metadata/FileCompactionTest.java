package dev.vectorizer.adapter.storage.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.adapter.storage.usage.JpaUsageOutbox;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.tenant.ApiKey;
import dev.vectorizer.domain.tenant.ApiKeyId;
import dev.vectorizer.domain.tenant.ApiKeyStatus;
import dev.vectorizer.domain.tenant.Permission;
import dev.vectorizer.domain.tenant.Tenant;
import dev.vectorizer.domain.tenant.TenantStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metadata file stays near the size of its live data while the store is open, and what was
 * committed is in the file as it stands at any moment (what a kill -9 leaves). H2 neither rewrites
 * nor reuses a chunk younger than its retention time (45 s); these tests set it to 0 to see in
 * seconds what a server sees over minutes.
 */
class FileCompactionTest {

    private static final int TENANTS = 100;
    private static final int ROUND = 10;
    private static final int BATCHES = 20;
    private static final int ROWS_PER_BATCH = 2_000;
    private static final int ROWS_KEPT = 100;

    @TempDir
    Path dir;

    @Test
    void rowsThatStayWhileTheirNeighboursGoDoNotKeepTheirWholeChunks() throws Exception {
        DataDirectory data = new DataDirectory(dir).ensureExists();
        MetadataStore store = new MetadataStore(data, Duration.ofDays(1));
        store.open();
        try {
            noRetention(store);
            store.inTransaction(em -> em.createNativeQuery("CREATE TABLE SCRATCH(ID INT PRIMARY KEY, FILLER VARCHAR(200))").executeUpdate());
            for (int batch = 0; batch < BATCHES; batch++) {
                // Like usage reports that are delivered and removed while a few wait: each batch's chunk keeps a live page.
                int first = batch * ROWS_PER_BATCH;
                store.inTransaction(em -> em.createNativeQuery("INSERT INTO SCRATCH SELECT X, SPACE(200) FROM SYSTEM_RANGE(?1, ?2)")
                        .setParameter(1, first).setParameter(2, first + ROWS_PER_BATCH - 1).executeUpdate());
                store.inTransaction(em -> em.createNativeQuery("DELETE FROM SCRATCH WHERE ID >= ?1 AND ID < ?2")
                        .setParameter(1, first + ROWS_KEPT).setParameter(2, first + ROWS_PER_BATCH).executeUpdate());
                FileCompaction.compactOnce(store.dataSource());
            }
            // Without the compaction each batch's chunk stayed whole for its few live rows: 8.8 MB here (1.3 MB with it).
            assertThat(Files.size(file(data))).as("H2 file after %d batches", BATCHES).isLessThan(3L << 20);
        } finally {
            store.close();
        }
    }

    @Test
    void whatWasCommittedIsInTheFileWhileCompactionRewritesIt() throws Exception {
        DataDirectory data = new DataDirectory(dir.resolve("live")).ensureExists();
        MetadataStore store = new MetadataStore(data, Duration.ofDays(1));
        store.open();
        DataDirectory crashed = new DataDirectory(dir.resolve("crashed")).ensureExists();
        try {
            noRetention(store);
            Tenants tenants = new Tenants(store);
            boolean rewrote = false;
            for (int i = 0; i < TENANTS; i += ROUND) {
                tenants.create(i, ROUND);
                rewrote |= FileCompaction.compactOnce(store.dataSource());
            }
            assertThat(rewrote).as("chunks were rewritten").isTrue();
            tenants.create(TENANTS, 1);
            // The file as the store left it after its last commit: what the OS holds when the process is killed.
            Files.createDirectories(file(crashed).getParent());
            Files.copy(file(data), file(crashed));
        } finally {
            store.close();
        }
        MetadataStore reopened = new MetadataStore(crashed, Duration.ofDays(1));
        reopened.open();
        try {
            JpaTenantDirectory directory = new JpaTenantDirectory(reopened);
            for (int i = 0; i <= TENANTS; i++) {
                assertThat(directory.findTenant(Tenants.id(i))).as("tenant %d", i).isPresent();
                assertThat(directory.findKey(Tenants.key(i))).as("key %d", i).isPresent();
            }
            assertThat(new JpaCollectionCatalog(reopened).list(Tenants.id(TENANTS))).hasSize(1);
        } finally {
            reopened.close();
        }
    }

    @Test
    void creatingATenantWritesFewBlocksToTheFile() {
        MetadataStore store = new MetadataStore(new DataDirectory(dir).ensureExists(), Duration.ofDays(1));
        store.open();
        try {
            Tenants tenants = new Tenants(store);
            tenants.create(0, ROUND); // the tables' first pages
            long before = writtenBytes(store);
            for (int i = ROUND; i < ROUND + TENANTS; i += ROUND) {
                tenants.create(i, ROUND);
            }
            // Every commit writes a chunk: the pages it changed and the chunk metadata, in whole 4 KiB blocks. With five
            // uncompressed commits per tenant (each audit row apart from its record) this wrote 62 KiB; now 26 KiB.
            assertThat((writtenBytes(store) - before) / TENANTS).as("bytes written per tenant").isLessThan(40L << 10);
        } finally {
            store.close();
        }
    }

    @Test
    void aFileWrittenWithoutCompressionOpensWithItsRowsAndTakesNewOnes() throws Exception {
        DataDirectory data = new DataDirectory(dir).ensureExists();
        Files.createDirectories(file(data).getParent());
        // what servers before COMPRESS=TRUE wrote
        try (Connection old = DriverManager.getConnection("jdbc:h2:file:" + data.metadataDatabase() + ";WRITE_DELAY=0", "vectorizer", "");
                Statement sql = old.createStatement()) {
            sql.execute("CREATE TABLE SCRATCH(ID INT PRIMARY KEY, FILLER VARCHAR(200))");
            sql.execute("INSERT INTO SCRATCH SELECT X, SPACE(200) FROM SYSTEM_RANGE(1, 1000)");
        }
        MetadataStore store = new MetadataStore(data, Duration.ofDays(1));
        store.open();
        try {
            Object rows = store.read(em -> em.createNativeQuery("SELECT COUNT(*) FROM SCRATCH").getSingleResult());
            assertThat(rows).hasToString("1000");
            new Tenants(store).create(0, ROUND);
            assertThat(new JpaTenantDirectory(store).findTenant(Tenants.id(ROUND - 1))).isPresent();
        } finally {
            store.close();
        }
    }

    @Test
    void aLargeMostlyDeadFileIsRewrittenWithItsLiveDataAtClose() throws Exception {
        DataDirectory data = new DataDirectory(dir).ensureExists();
        MetadataStore store = new MetadataStore(data, Duration.ofDays(1), 1L << 20);
        store.open();
        new Tenants(store).create(0, TENANTS);
        // Rows written and then deleted: H2's 45 s retention keeps every chunk they were in, as on a busy server.
        store.inTransaction(em -> em.createNativeQuery("CREATE TABLE SCRATCH(ID INT PRIMARY KEY, FILLER VARCHAR(200))").executeUpdate());
        for (int batch = 0; batch < BATCHES; batch++) {
            store.inTransaction(em -> em.createNativeQuery("INSERT INTO SCRATCH SELECT X, SPACE(200) FROM SYSTEM_RANGE(1, ?1)")
                    .setParameter(1, ROWS_PER_BATCH).executeUpdate());
            store.inTransaction(em -> em.createNativeQuery("DELETE FROM SCRATCH").executeUpdate());
        }
        long before = Files.size(file(data));
        Object inode = fileKey(data);
        store.close();

        assertThat(fileKey(data)).as("the file was replaced").isNotEqualTo(inode);
        assertThat(Files.size(file(data))).as("file of %d bytes after the close", before).isLessThan(before / 4);
        assertThat(file(data).resolveSibling("vectorizer.mv.db.tempFile")).doesNotExist();
        MetadataStore reopened = new MetadataStore(data, Duration.ofDays(1));
        reopened.open();
        try {
            JpaTenantDirectory directory = new JpaTenantDirectory(reopened);
            for (int i = 0; i < TENANTS; i++) {
                assertThat(directory.findTenant(Tenants.id(i))).as("tenant %d", i).isPresent();
                assertThat(directory.findKey(Tenants.key(i))).as("key %d", i).isPresent();
            }
            new Tenants(reopened).create(TENANTS, 1);
        } finally {
            reopened.close();
        }
    }

    @Test
    void aSmallFileIsLeftInPlaceAtClose() throws Exception {
        DataDirectory data = new DataDirectory(dir).ensureExists();
        MetadataStore store = new MetadataStore(data, Duration.ofDays(1));
        store.open();
        new Tenants(store).create(0, TENANTS);
        Object inode = fileKey(data);
        store.close();
        assertThat(fileKey(data)).as("the same file").isEqualTo(inode);
    }

    private static Object fileKey(DataDirectory data) throws IOException {
        return Files.readAttributes(file(data), BasicFileAttributes.class).fileKey();
    }

    /** What H2 wrote to the file since it was opened. */
    private static long writtenBytes(MetadataStore store) {
        return Long.parseLong(store.read(em -> em.createNativeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.FILE_WRITE_BYTES'").getSingleResult()).toString());
    }

    private static void noRetention(MetadataStore store) {
        store.inTransaction(em -> em.createNativeQuery("SET RETENTION_TIME 0").executeUpdate());
    }

    private static Path file(DataDirectory data) {
        return data.metadataFile();
    }

    /** What creating a tenant through the API commits: tenant and key (each with its audit row), collection, request counts. */
    private static final class Tenants {

        private final JpaTenantDirectory directory;
        private final JpaCollectionCatalog catalog;
        private final JpaUsageOutbox usage;

        Tenants(MetadataStore store) {
            directory = new JpaTenantDirectory(store);
            catalog = new JpaCollectionCatalog(store);
            usage = new JpaUsageOutbox(store);
        }

        static TenantId id(int i) {
            return new TenantId("d%06d".formatted(i));
        }

        static ApiKeyId key(int i) {
            return new ApiKeyId("K%011d".formatted(i));
        }

        void create(int first, int count) {
            Map<TenantId, Map<LocalDate, Long>> counts = new HashMap<>();
            for (int i = first; i < first + count; i++) {
                TenantId tenant = id(i);
                Instant now = Instant.now();
                AuditEvents.addTenant(directory, new Tenant(tenant, tenant.value(), TenantStatus.ACTIVE, now));
                ApiKey key = new ApiKey(key(i), Optional.of(tenant), "0123456789abcdef0123456789abcdef0123456789abcdef",
                        Set.of(Permission.READ_WRITE), ApiKeyStatus.ACTIVE, false, now, Optional.empty());
                directory.addKey(key, AuditEvents.issued(key));
                catalog.add(new Collection(new CollectionRef(tenant, new CollectionName("c")),
                        new CollectionSpec(32, Metric.COSINE, HnswSettings.DEFAULT, Quantization.INT8, Optional.empty()), now,
                        Incarnation.random()));
                counts.put(tenant, Map.of(LocalDate.now(), 4L));
            }
            usage.add(counts, Instant.now());
        }
    }
}
