package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.TenantId;
import java.nio.file.Path;

/**
 * Where a collection lives on disk: {@code {data-dir}/tenants/{tenantId}/collections/{name}/} with the
 * Lucene index in {@code index/} and the write-ahead log in {@code translog/}. Built only from the
 * validated parts of a {@link CollectionRef} (letters, digits, '_' and '-'), so no path escapes the
 * data directory.
 */
record CollectionPaths(Path root) {

    static CollectionPaths of(DataDirectory dataDirectory, CollectionRef ref) {
        return new CollectionPaths(tenantRoot(dataDirectory, ref.tenant()).resolve("collections").resolve(ref.name().value()));
    }

    /** Everything a tenant has on disk. */
    static Path tenantRoot(DataDirectory dataDirectory, TenantId tenant) {
        return dataDirectory.root().resolve("tenants").resolve(tenant.value());
    }

    Path index() {
        return root.resolve("index");
    }

    Path translog() {
        return root.resolve("translog");
    }

    /** Where {@link CosineIndexUpgrade} builds the upgraded index. */
    Path indexUpgrade() {
        return root.resolve("index.upgrade");
    }

    /** Where {@link CosineIndexUpgrade} parks the legacy index while swapping. */
    Path indexBeforeUpgrade() {
        return root.resolve("index.legacy");
    }
}
