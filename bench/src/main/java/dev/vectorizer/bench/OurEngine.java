package dev.vectorizer.bench;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.adapter.storage.index.LuceneVectorIndex;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Our engine in process: the Lucene {@link VectorIndexPort} over a data directory, outside any server,
 * with the product's defaults except the commit interval (which also decides when a collection that
 * stopped changing is merged to one segment).
 */
final class OurEngine implements AutoCloseable {

    static final String TENANT = "bench";
    private static final Incarnation BENCH_INCARNATION = new Incarnation(1);

    private final LuceneVectorIndex engine;
    final VectorIndexPort port;
    private boolean closed;

    OurEngine(Path dataDir, Duration commitInterval) {
        engine = new LuceneVectorIndex(new DataDirectory(dataDir).ensureExists(), 256, commitInterval, Duration.ZERO);
        port = engine;
    }

    /** A benchmark collection: the same on every open, so a forked JVM finds the index built by another. */
    static Collection collection(String name, int dimension, HnswSettings hnsw, Quantization quantization) {
        return collection(TENANT, name, BENCH_INCARNATION, dimension, hnsw, quantization);
    }

    static Collection collection(String tenant, String name, Incarnation incarnation, int dimension, HnswSettings hnsw,
            Quantization quantization) {
        return new Collection(new CollectionRef(new TenantId(tenant), new CollectionName(name)),
                new CollectionSpec(dimension, Metric.COSINE, hnsw, quantization, Optional.empty()), Instant.EPOCH, incarnation);
    }

    /** Where the collection's Lucene index lives under {@code dataDir}. */
    static Path indexDir(Path dataDir, Collection collection) {
        String name = collection.ref().name().value() + "." + collection.incarnation();
        List<Path> parents = collectionParents(dataDir, collection.ref().tenant().value());
        return indexIn(parents.stream().map(parent -> parent.resolve(name)).filter(Files::isDirectory).findFirst()
                .orElse(parents.getFirst().resolve(name)));
    }

    /**
     * The directories a tenant's collections live in: the tenant's own, and its {@code collections/},
     * where servers before 2026-11-30 created them (indexes the bench built then).
     */
    static List<Path> collectionParents(Path dataDir, String tenant) {
        Path root = dataDir.resolve("tenants").resolve(tenant);
        return List.of(root, root.resolve("collections"));
    }

    /** The Lucene index of the collection directory {@code collectionDir}: itself, or its {@code index/} (older and restored collections). */
    static Path indexIn(Path collectionDir) {
        Path split = collectionDir.resolve("index");
        return Files.isDirectory(split) ? split : collectionDir;
    }

    /** Commits and closes every open index (idempotent). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            engine.close();
        }
    }
}
