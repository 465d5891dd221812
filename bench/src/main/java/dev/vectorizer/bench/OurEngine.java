package dev.vectorizer.bench;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.application.port.out.VectorIndexPort;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.TenantId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Our engine in process: the Lucene {@link VectorIndexPort} over a data directory, outside any server. */
final class OurEngine implements AutoCloseable {

    static final String ENGINE_CLASS = "dev.vectorizer.adapter.storage.index.LuceneVectorIndex";

    private final Object engine;
    private boolean closed;
    final VectorIndexPort port;

    OurEngine(Path dataDir) {
        try {
            // by name: the adapter is merged into main while this harness is written
            engine = Class.forName(ENGINE_CLASS).getConstructor(DataDirectory.class)
                    .newInstance(new DataDirectory(dataDir).ensureExists());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + ENGINE_CLASS, e);
        }
        port = (VectorIndexPort) engine;
    }

    /** The benchmark collection: same on every open, so a forked JVM finds the index built by another. */
    static Collection collection(String name, int dimension, HnswSettings hnsw) {
        return new Collection(new CollectionRef(new TenantId("bench"), new CollectionName(name)),
                new CollectionSpec(dimension, Metric.COSINE, hnsw, Quantization.NONE, Optional.empty()),
                Instant.EPOCH);
    }

    /** Commits and closes every open index. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            engine.getClass().getMethod("close").invoke(engine);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot close " + ENGINE_CLASS, e);
        }
    }
}
