package dev.vectorizer.bench;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.Range;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.VectorQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Our engine through its port, as the API drives it: durable upserts of {@value #BATCH} vectors (each
 * with the payload {@code {"bucket": row % 100}} that the filtered searches use), then the collection
 * left alone until the engine has merged it (what a product collection looks like once ingest stops).
 */
final class OursInProcess {

    static final int BATCH = 1000;
    static final String INGEST_PATH = "ours, durable upsert (batches of " + BATCH + ")";
    /** The commit interval of the benchmark engine; a collection idle this long is merged. */
    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(2);

    /** How the ingest went: durable ingest time, segments when it finished and after the idle merge, and the merge time. */
    record Build(Ingest ingest, int segmentsAfterIngest, int segmentsSettled, double settleSeconds) {
    }

    private OursInProcess() {
    }

    static Payload payload(int row) {
        return new Payload(Map.of("bucket", (long) (row % 100)));
    }

    /** Creates the collection, upserts every base vector (each return is durable and visible) and waits for the idle merge. */
    static Build build(DataSet data, Path dataDir, Collection collection) throws IOException, InterruptedException {
        try (OurEngine engine = new OurEngine(dataDir, COMMIT_INTERVAL)) {
            engine.port.create(collection);
            long start = System.nanoTime();
            for (int from = 0; from < data.base().length; from += BATCH) {
                int to = Math.min(data.base().length, from + BATCH);
                List<Vector> batch = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    batch.add(new Vector(new VectorId(Integer.toString(i)), data.base()[i], payload(i)));
                }
                engine.port.upsert(collection, batch);
                if ((to / BATCH) % 20 == 0) {
                    Log.info("  ours: upserted " + to);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Path index = OurEngine.indexDir(dataDir, collection);
            int before = committedSegments(index);
            long settle = System.nanoTime();
            awaitMergedCommit(index, data.base().length);
            int segments = committedSegments(index);
            double settleSeconds = (System.nanoTime() - settle) / 1e9;
            Log.info(String.format("ours %s: %d vectors durable in %.1f s; %d segments then (last commit), %d after %.1f s idle",
                    collection.spec().quantization().wireName(), data.base().length, seconds, before, segments, settleSeconds));
            return new Build(new Ingest(INGEST_PATH, data.base().length, seconds), before, segments,
                    settleSeconds);
        }
    }

    /** Waits (at most 30 minutes) until the last commit holds all {@code count} documents in one segment. */
    static void awaitMergedCommit(Path index, int count) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Directory directory = FSDirectory.open(index)) {
                SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
                if (commit.size() <= 1 && commit.totalMaxDoc() >= count) {
                    return;
                }
            }
            Thread.sleep(500);
        }
        Log.info("the engine did not merge " + index + " to one segment within 30 minutes");
    }

    /** Segments of the last commit of a Lucene index. */
    static int committedSegments(Path index) throws IOException {
        try (Directory directory = FSDirectory.open(index)) {
            return SegmentInfos.readLatestCommit(directory).size();
        }
    }

    static VectorQuery query(float[] vector, int limit, int ef, int percent) {
        Optional<Filter> filter = percent >= 100 ? Optional.empty()
                : Optional.of(new Filter(List.of(new Range("bucket", null, null, (double) percent, null)), null, null));
        return new VectorQuery(vector, limit, ef, filter, false, false);
    }

    static int[] ids(List<ScoredPoint> hits) {
        int[] ids = new int[hits.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Integer.parseInt(hits.get(i).id().value());
        }
        return ids;
    }
}
