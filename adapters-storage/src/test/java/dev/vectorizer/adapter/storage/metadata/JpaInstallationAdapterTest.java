package dev.vectorizer.adapter.storage.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.domain.Installation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JpaInstallationAdapterTest {

    @TempDir
    Path dir;

    @Test
    void createsTheInstallationOnceAndKeepsItAcrossRestarts() throws Exception {
        DataDirectory data = new DataDirectory(dir).ensureExists();

        Installation first = withStore(data, store -> new JpaInstallationAdapter(store).installation());
        Installation afterRestart = withStore(data, store -> new JpaInstallationAdapter(store).installation());

        assertThat(afterRestart).isEqualTo(first);
        assertThat(Files.list(dir.resolve("metadata")).toList()).anyMatch(f -> f.getFileName().toString().endsWith(".mv.db"));
    }

    @Test
    void aDifferentDataDirectoryIsADifferentInstallation() {
        Installation a = withStore(new DataDirectory(dir.resolve("a")).ensureExists(), s -> new JpaInstallationAdapter(s).installation());
        Installation b = withStore(new DataDirectory(dir.resolve("b")).ensureExists(), s -> new JpaInstallationAdapter(s).installation());

        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    void reportsReachabilityUntilClosed() {
        MetadataStore store = new MetadataStore(new DataDirectory(dir).ensureExists());
        store.open();
        assertThat(store.isReachable()).isTrue();
        store.close();
        assertThat(store.isReachable()).isFalse();
    }

    private static <T> T withStore(DataDirectory data, java.util.function.Function<MetadataStore, T> work) {
        MetadataStore store = new MetadataStore(data);
        store.open();
        try {
            return work.apply(store);
        } finally {
            store.close();
        }
    }
}
