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
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Our engine in process: the Lucene {@link VectorIndexPort} over a data directory, outside any server. */
final class OurEngine implements AutoCloseable {

    private final LuceneVectorIndex engine;
    final VectorIndexPort port;
    private boolean closed;

    OurEngine(Path dataDir) {
        engine = new LuceneVectorIndex(new DataDirectory(dataDir).ensureExists());
        port = engine;
    }

    private static final Incarnation BENCH_INCARNATION = new Incarnation(1);

    /** The benchmark collection: same on every open, so a forked JVM finds the index built by another. */
    static Collection collection(String name, int dimension, HnswSettings hnsw) {
        return new Collection(new CollectionRef(new TenantId("bench"), new CollectionName(name)),
                new CollectionSpec(dimension, Metric.COSINE, hnsw, Quantization.NONE, Optional.empty()),
                Instant.EPOCH, BENCH_INCARNATION);
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
