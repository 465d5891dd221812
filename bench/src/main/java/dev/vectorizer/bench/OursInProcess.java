package dev.vectorizer.bench;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.VectorQuery;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Our engine through its port, in this JVM: durable ingest in batches, then the ef sweep
 * (single thread, limit 10, no payload). The sweep also runs in forked JVMs ({@link BenchMain}
 * {@code sweep-ours}) against the index this build left on disk.
 */
final class OursInProcess {

    static final int BATCH = 1000;

    private OursInProcess() {
    }

    /** Creates the collection and upserts every base vector; each returned upsert is durable and visible. */
    static Ingest build(DataSet data, Path dataDir, String name, HnswSettings hnsw) {
        Collection collection = OurEngine.collection(name, data.dimension(), hnsw);
        OurEngine engine = new OurEngine(dataDir);
        try {
            engine.port.create(collection);
            long start = System.nanoTime();
            for (int from = 0; from < data.base().length; from += BATCH) {
                int to = Math.min(data.base().length, from + BATCH);
                List<Vector> batch = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    batch.add(new Vector(new VectorId(Integer.toString(i)), data.base()[i], Payload.EMPTY));
                }
                engine.port.upsert(collection, batch);
                if ((to / BATCH) % 20 == 0) {
                    Log.info("  ours: upserted " + to);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long closeStart = System.nanoTime();
            engine.close();
            Log.info(String.format("ours: %d vectors durable in %.1f s; closing (final commit) took %.1f s",
                    data.base().length, seconds, (System.nanoTime() - closeStart) / 1e9));
            return new Ingest("ours, durable upsert (batches of " + BATCH + ")", data.base().length, seconds);
        } finally {
            engine.close(); // idempotent
        }
    }

    /** Opens the index built by {@link #build} and sweeps ef; each point is reported when done. */
    static List<Sweep> sweep(DataSet data, Path dataDir, String name, HnswSettings hnsw, int[] efs, int passes, int k,
            Consumer<Sweep> each) {
        Collection collection = OurEngine.collection(name, data.dimension(), hnsw);
        List<Sweep> sweeps = new ArrayList<>();
        try (OurEngine engine = new OurEngine(dataDir)) {
            float[][] queries = data.queries();
            // JIT warm-up over the whole range before anything is timed
            for (int ef : new int[] {efs[efs.length - 1], efs[0]}) {
                for (float[] q : queries) {
                    engine.port.search(collection, query(q, k, ef));
                }
            }
            for (int ef : efs) {
                double recall = 0;
                for (int q = 0; q < queries.length; q++) { // untimed pass: recall
                    List<ScoredPoint> hits = engine.port.search(collection, query(queries[q], k, ef));
                    recall += GroundTruth.recall(data.truth()[q], ids(hits), k);
                }
                List<VectorQuery> prepared = new ArrayList<>(queries.length);
                for (float[] q : queries) {
                    prepared.add(query(q, k, ef));
                }
                List<Double> qps = new ArrayList<>();
                long sink = 0;
                for (int p = 0; p < passes; p++) {
                    long start = System.nanoTime();
                    for (VectorQuery query : prepared) {
                        sink += engine.port.search(collection, query).size();
                    }
                    qps.add(queries.length / ((System.nanoTime() - start) / 1e9));
                }
                if (sink < 0) {
                    throw new AssertionError();
                }
                Sweep sweep = new Sweep("ours", ef, recall / queries.length, qps);
                sweeps.add(sweep);
                each.accept(sweep);
            }
        }
        return sweeps;
    }

    /** Segments of the last commit of the collection's Lucene index (the engine must be closed). */
    static int segments(Path dataDir, String name) throws java.io.IOException {
        Path index = dataDir.resolve("tenants").resolve("bench").resolve("collections").resolve(name).resolve("index");
        try (org.apache.lucene.store.Directory directory = org.apache.lucene.store.FSDirectory.open(index)) {
            return org.apache.lucene.index.SegmentInfos.readLatestCommit(directory).size();
        }
    }

    static VectorQuery query(float[] vector, int limit, int ef) {
        return new VectorQuery(vector, limit, ef, Optional.empty(), false, false);
    }

    static int[] ids(List<ScoredPoint> hits) {
        int[] ids = new int[hits.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Integer.parseInt(hits.get(i).id().value());
        }
        return ids;
    }
}
