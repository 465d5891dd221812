package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a collection lives on disk: {@code {data-dir}/tenants/{tenantId}/collections/{name}.{incarnation}/}.
 * A collection created now keeps its Lucene index and its write-ahead log ({@code translog-N.tlog},
 * names Lucene never claims) side by side in that one directory, so that a small collection costs
 * one directory and four Lucene files, a file-system block each. Collections created before, and
 * those a backup restores, keep them apart in {@code index/} and {@code translog/} ({@link #split});
 * both layouts are read and written alike. Each incarnation of a name has its own directory, so
 * dropping one never touches another that was created meanwhile. Collections created before
 * incarnations existed ({@link Incarnation#LEGACY}) keep the directory {@code {name}/} (a name never
 * contains a dot, so the two cannot clash). Built only from the validated parts of a
 * {@link Collection} (letters, digits, '_', '-' and hex digits), so no path escapes the data directory.
 *
 * @param split whether the index and the translog are in subdirectories of {@code root}
 */
record CollectionPaths(Path root, boolean split) {

    static CollectionPaths of(DataDirectory dataDirectory, Collection collection) {
        return of(dataDirectory, collection.ref(), collection.incarnation());
    }

    static CollectionPaths of(DataDirectory dataDirectory, CollectionRef ref, Incarnation incarnation) {
        String name = incarnation.isLegacy() ? ref.name().value() : ref.name().value() + "." + incarnation;
        Path root = tenantRoot(dataDirectory, ref.tenant()).resolve("collections").resolve(name);
        // translog/ is never moved, not even by a CosineIndexUpgrade swap that a crash interrupted between
        // its renames (index/ absent then); index/ alone is left by a crash while the collection was created
        return new CollectionPaths(root, Files.isDirectory(root.resolve("translog")) || Files.isDirectory(root.resolve("index")));
    }

    /** Everything a tenant has on disk. */
    static Path tenantRoot(DataDirectory dataDirectory, TenantId tenant) {
        return dataDirectory.root().resolve("tenants").resolve(tenant.value());
    }

    /** The Lucene index's directory. */
    Path index() {
        return split ? root.resolve("index") : root;
    }

    /** The translog's directory (the index's, unless {@link #split}). */
    Path translog() {
        return split ? root.resolve("translog") : root;
    }

    /** Where {@link CosineIndexUpgrade} builds the upgraded index (of a {@link #split} collection). */
    Path indexUpgrade() {
        return root.resolve("index.upgrade");
    }

    /** Where {@link CosineIndexUpgrade} parks the legacy index while swapping. */
    Path indexBeforeUpgrade() {
        return root.resolve("index.legacy");
    }
}
