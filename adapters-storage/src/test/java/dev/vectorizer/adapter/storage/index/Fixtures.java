package dev.vectorizer.adapter.storage.index;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionRef;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.TenantId;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.ScrollPage;
import dev.vectorizer.domain.search.ScrollRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Shared builders for the index tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Collection collection(String tenant, String name, int dimension, Metric metric, Quantization quantization) {
        return new Collection(new CollectionRef(new TenantId(tenant), new CollectionName(name)),
                new CollectionSpec(dimension, metric, HnswSettings.DEFAULT, quantization, Optional.empty()), Instant.now(),
                Incarnation.random());
    }

    static Collection collection(String name, int dimension) {
        return collection("t1", name, dimension, Metric.COSINE, Quantization.NONE);
    }

    static Vector vector(String id, float[] values, Payload payload) {
        return new Vector(new VectorId(id), values, payload);
    }

    static float[] random(Random random, int dimension) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    /** Every vector of the collection (matching {@code filter}), in id order, by scrolling pages of {@code pageSize}. */
    static List<Vector> scrollAll(LuceneVectorIndex index, Collection collection, Optional<Filter> filter, int pageSize) {
        List<Vector> all = new ArrayList<>();
        Optional<VectorId> after = Optional.empty();
        do {
            ScrollPage page = index.scroll(collection, new ScrollRequest(filter, pageSize, after, true));
            all.addAll(page.vectors());
            after = page.next();
        } while (after.isPresent());
        return all;
    }

    static List<String> ids(List<Vector> vectors) {
        return vectors.stream().map(v -> v.id().value()).toList();
    }

    /** The exact score of {@code a} against {@code b} in the metric's natural units (higher is closer; euclidean: minus the squared distance). */
    static double exactScore(Metric metric, float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        double d2 = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
            d2 += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return switch (metric) {
            case COSINE -> dot / Math.sqrt(na * nb);
            case EUCLIDEAN -> -d2;
            case DOT_PRODUCT -> dot;
        };
    }

    /** What thread {@code number} of {@link #inParallel} does. */
    interface ThreadWork {
        void run(int number) throws Exception;
    }

    /** Runs {@code work} for the thread numbers 0 to {@code threads - 1}, each on its own thread, and rethrows the first failure. */
    static void inParallel(int threads, ThreadWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int number = t;
                futures.add(pool.submit(() -> {
                    work.run(number);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
