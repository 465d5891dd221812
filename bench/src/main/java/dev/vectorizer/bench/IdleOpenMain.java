package dev.vectorizer.bench;

import dev.vectorizer.adapter.storage.DataDirectory;
import dev.vectorizer.adapter.storage.index.LuceneVectorIndex;
import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.VectorQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Searches on idle collections, in one JVM, without the server: the storage engine alone, to see
 * what opening a closed collection (and evicting another) costs. Creates {@code --collections}
 * collections of {@code --vectors} vectors (one tenant each, as the density harness does; kept in
 * {@code --data} across runs), then on a fresh engine with at most {@code --max-open} open indexes
 * fills the open slots, searches {@code --warmup} closed ones untimed and then {@code --searches}
 * other random closed ones among the first {@code --pool}, one at a time, and prints p50 / p99 / max. Run it against two builds of the storage
 * adapter (its jar first on the class path), alternating, for an A/B.
 *
 * <pre>java -cp ... dev.vectorizer.bench.IdleOpenMain --data /tmp/idle --collections 3000 --max-open 256 --searches 1000</pre>
 */
public final class IdleOpenMain {

    private static final Incarnation INCARNATION = new Incarnation(1);

    private IdleOpenMain() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(AuthOverheadBench.stringArg(args, "--data", "target/idle-open"));
        int collections = AuthOverheadBench.intArg(args, "--collections", 3000);
        int pool = AuthOverheadBench.intArg(args, "--pool", collections);
        int maxOpen = AuthOverheadBench.intArg(args, "--max-open", 256);
        int searches = AuthOverheadBench.intArg(args, "--searches", 1000);
        int warmup = AuthOverheadBench.intArg(args, "--warmup", 300);
        int dimension = AuthOverheadBench.intArg(args, "--dimension", 32);
        int vectors = AuthOverheadBench.intArg(args, "--vectors", 5);
        Random random = new Random(42);
        create(data, collections, dimension, vectors, random);

        LuceneVectorIndex engine = new LuceneVectorIndex(new DataDirectory(data), maxOpen, Duration.ofSeconds(30), Duration.ZERO);
        try {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < pool; i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, random);
            // fill the open slots with the last maxOpen of the shuffled order, then search the others
            for (int i = pool - maxOpen; i < pool; i++) {
                engine.search(collection(order.get(i), dimension), query(random, dimension));
            }
            // warm-up searches on other closed collections first, so that the timed ones do not pay for the JIT
            int untimed = Math.min(warmup, (pool - maxOpen) / 2);
            for (int i = 0; i < untimed; i++) {
                engine.search(collection(order.get(pool - maxOpen - 1 - i), dimension), query(random, dimension));
            }
            long[] nanos = new long[Math.min(searches, pool - maxOpen - untimed)];
            for (int i = 0; i < nanos.length; i++) {
                Collection idle = collection(order.get(i), dimension);
                VectorQuery query = query(random, dimension);
                long start = System.nanoTime();
                int hits = engine.search(idle, query).size();
                nanos[i] = System.nanoTime() - start;
                if (hits == 0) {
                    throw new IllegalStateException("no hits in " + idle.ref());
                }
            }
            Arrays.sort(nanos);
            System.out.printf("idle search over %d of %d collections, %d open at most, %d searches: p50 %.2f ms, p90 %.2f ms, "
                    + "p99 %.2f ms, max %.2f ms, mean %.2f ms%n", pool, collections, maxOpen, nanos.length,
                    percentile(nanos, 0.5), percentile(nanos, 0.9), percentile(nanos, 0.99), nanos[nanos.length - 1] / 1e6,
                    Arrays.stream(nanos).average().orElse(0) / 1e6);
        } finally {
            engine.close();
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** Creates the collections the data directory does not have yet (recorded in a marker file). */
    private static void create(Path data, int collections, int dimension, int vectors, Random random) throws Exception {
        Files.createDirectories(data);
        Path marker = data.resolve("created");
        int existing = Files.exists(marker) ? Integer.parseInt(Files.readString(marker).trim()) : 0;
        if (existing >= collections) {
            return;
        }
        LuceneVectorIndex engine = new LuceneVectorIndex(new DataDirectory(data), 256, Duration.ofSeconds(30), Duration.ZERO);
        try {
            for (int i = existing; i < collections; i++) {
                Collection collection = collection(i, dimension);
                engine.create(collection);
                List<Vector> batch = new ArrayList<>();
                for (int v = 0; v < vectors; v++) {
                    batch.add(new Vector(new VectorId("v" + v), vector(random, dimension), Payload.EMPTY));
                }
                engine.upsert(collection, batch);
                if ((i + 1) % 1000 == 0) {
                    Files.writeString(marker, Integer.toString(i + 1));
                    Log.info("created " + (i + 1) + " collections");
                }
            }
        } finally {
            engine.close();
        }
        Files.writeString(marker, Integer.toString(collections));
    }

    private static Collection collection(int i, int dimension) {
        return OurEngine.collection(String.format("d%06d", i), "c", INCARNATION, dimension, HnswSettings.DEFAULT, Quantization.NONE);
    }

    private static VectorQuery query(Random random, int dimension) {
        return new VectorQuery(vector(random, dimension), 10, VectorQuery.DEFAULT_EF, Optional.empty(), false, false);
    }

    private static float[] vector(Random random, int dimension) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = random.nextFloat() * 2 - 1;
        }
        return v;
    }
}
