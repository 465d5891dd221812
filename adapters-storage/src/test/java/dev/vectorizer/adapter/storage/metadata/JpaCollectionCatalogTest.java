package dev.vectorizer.adapter.storage.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.ConflictException;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.TenantId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpaCollectionCatalogTest {

    @TempDir
    Path dir;

    private MetadataStore store;
    private JpaCollectionCatalog catalog;

    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");

    @BeforeEach
    void open() {
        store = new MetadataStore(new DataDirectory(dir).ensureExists());
        store.open();
        catalog = new JpaCollectionCatalog(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Collection collection(TenantId tenant, String name) {
        return new Collection(new CollectionRef(tenant, new CollectionName(name)),
                new CollectionSpec(384, Metric.DOT_PRODUCT, new HnswSettings(32, 100), Quantization.INT8, Optional.of("all-minilm-l6-v2")),
                Instant.parse("2026-11-29T06:00:00.123Z"));
    }

    @Test
    void keepsEverySettingAcrossAReopen() {
        Collection docs = collection(ACME, "docs");
        catalog.add(docs);
        store.close();
        open();

        assertThat(catalog.find(docs.ref())).contains(docs);
    }

    @Test
    void theSameNameIsTakenOncePerTenant() {
        catalog.add(collection(ACME, "docs"));

        assertThatThrownBy(() -> catalog.add(collection(ACME, "docs"))).isInstanceOf(ConflictException.class);
        catalog.add(collection(GLOBEX, "docs"));
    }

    @Test
    void listsOnlyTheTenantsOwnCollectionsByName() {
        catalog.add(collection(ACME, "zeta"));
        catalog.add(collection(ACME, "alpha"));
        catalog.add(collection(GLOBEX, "beta"));

        assertThat(catalog.list(ACME)).extracting(c -> c.ref().name().value()).containsExactly("alpha", "zeta");
        assertThat(catalog.list(new TenantId("nobody"))).isEmpty();
    }

    @Test
    void removesOnlyWhatExists() {
        Collection docs = collection(ACME, "docs");
        catalog.add(docs);

        assertThat(catalog.remove(new CollectionRef(GLOBEX, docs.ref().name()))).isFalse();
        assertThat(catalog.remove(docs.ref())).isTrue();
        assertThat(catalog.find(docs.ref())).isEmpty();
        assertThat(catalog.remove(docs.ref())).isFalse();
    }
}
