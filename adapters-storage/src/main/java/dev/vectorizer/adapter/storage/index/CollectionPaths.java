package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.TenantId;
import java.nio.file.Path;

/**
 * Where a collection lives on disk: {@code {data-dir}/tenants/{tenantId}/collections/{name}.{incarnation}/}
 * with the Lucene index in {@code index/} and the write-ahead log in {@code translog/}. Each incarnation
 * of a name has its own directory, so dropping one never touches another that was created meanwhile.
 * Collections created before incarnations existed ({@link Incarnation#LEGACY}) keep the directory
 * {@code {name}/} (a name never contains a dot, so the two cannot clash). Built only from the validated
 * parts of a {@link Collection} (letters, digits, '_', '-' and hex digits), so no path escapes the data
 * directory.
 */
record CollectionPaths(Path root) {

    static CollectionPaths of(DataDirectory dataDirectory, Collection collection) {
        return of(dataDirectory, collection.ref(), collection.incarnation());
    }

    static CollectionPaths of(DataDirectory dataDirectory, CollectionRef ref, Incarnation incarnation) {
        String name = incarnation.isLegacy() ? ref.name().value() : ref.name().value() + "." + incarnation;
        return new CollectionPaths(tenantRoot(dataDirectory, ref.tenant()).resolve("collections").resolve(name));
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
