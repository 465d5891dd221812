package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.TenantId;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.lucene.util.IOUtils;

/**
 * Where a collection lives on disk: {@code {data-dir}/tenants/{tenantId}/{name}.{incarnation}/}.
 * A collection created now keeps its Lucene index and its write-ahead log ({@code translog-N.tlog},
 * names Lucene never claims) side by side in that one directory, so that a small collection costs
 * its directory and four Lucene files, a file-system block each. Each incarnation of a name has its
 * own directory, so dropping one never touches another that was created meanwhile.
 *
 * <p>Collections created before keep where they are, without a migration: under the tenant's
 * {@code collections/} directory ({@link #nested}), {@code {name}.{incarnation}/}, or {@code {name}/}
 * for those created before incarnations existed ({@link Incarnation#LEGACY}); the older of them and
 * those a backup restored before keep the index and the translog apart in {@code index/} and
 * {@code translog/} ({@link #split}). All of them are read and written alike. A name never contains a
 * dot, so an incarnation's directory can clash neither with {@code collections/} nor with a legacy
 * {@code {name}/}. Built only from the validated parts of a {@link Collection} (letters, digits, '_',
 * '-' and hex digits), so no path escapes the data directory.
 *
 * @param split whether the index and the translog are in subdirectories of {@code root}
 * @param nested whether {@code root} is in the tenant's {@code collections/} directory (the layout before)
 */
record CollectionPaths(Path root, boolean split, boolean nested) {

    /** The directory that held a tenant's collections before they moved up to the tenant's own. */
    private static final String NESTED = "collections";

    static CollectionPaths of(DataDirectory dataDirectory, Collection collection) {
        return of(dataDirectory, collection.ref(), collection.incarnation());
    }

    static CollectionPaths of(DataDirectory dataDirectory, CollectionRef ref, Incarnation incarnation) {
        Path tenant = tenantRoot(dataDirectory, ref.tenant());
        Path root;
        if (incarnation.isLegacy()) {
            root = tenant.resolve(NESTED).resolve(ref.name().value());
        } else {
            String name = ref.name().value() + "." + incarnation;
            root = tenant.resolve(name);
            Path before = tenant.resolve(NESTED).resolve(name);
            // a new incarnation is never created there, so only an existing one can be found there
            if (!Files.isDirectory(root) && Files.isDirectory(before)) {
                root = before;
            }
        }
        // translog/ is never moved, not even by a CosineIndexUpgrade swap that a crash interrupted between
        // its renames (index/ absent then); index/ alone is left by a crash while the collection was created
        boolean split = Files.isDirectory(root.resolve("translog")) || Files.isDirectory(root.resolve("index"));
        return new CollectionPaths(root, split, root.getParent().equals(tenant.resolve(NESTED)));
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

    /**
     * Once {@code root} is gone: deletes the tenant's {@code collections/} directory if it was the last
     * collection in it, durably. Nothing is created there any more, so an empty one stays empty.
     */
    void removeNestingIfEmpty() throws IOException {
        if (!nested) {
            return;
        }
        Path nesting = root.getParent();
        try {
            Files.delete(nesting);
            IOUtils.fsync(nesting.getParent(), true);
        } catch (DirectoryNotEmptyException | NoSuchFileException stillUsedOrGone) {
            // other collections laid out the old way are still there, or another drop removed it
        }
    }
}
