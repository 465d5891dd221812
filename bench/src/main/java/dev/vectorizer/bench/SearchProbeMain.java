package dev.vectorizer.bench;

import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.Collection;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;

/**
 * By hand, outside {@link BenchMain}: keeps the clustered data set, ours's merged index and raw Lucene's
 * one-segment index in a directory of its own, so single engine forks ({@link ForkMain}, e.g. under
 * JFR) can be run on them again and again, and compares the two graphs' work per query.
 *
 * <pre>
 * SearchProbeMain prepare --work DIR [--size 100000] [--queries 1000]   # builds what is missing
 * SearchProbeMain visited --work DIR [--efs 24,32,48]                   # graph nodes visited per query, both indexes
 * SearchProbeMain cpu --work DIR [--engine ours|raw] [--threads 1,2] [--ef 32] [--passes 5]   # QPS and CPU per query
 * SearchProbeMain alloc --work DIR [--ef 32] [--rounds 3]                # bytes and CPU per query, ours and raw, alternating
 * </pre>
 * Then e.g. {@code ForkMain ours --data DIR/data/clustered-… --engine-dir DIR/ours --name clustered --label ours
 * --efs 32 --thread-ef 32 --threads 1,2 --passes 5}, or {@code ForkMain raw … --index DIR/raw}.
 */
public final class SearchProbeMain {

    private SearchProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        ForkMain.Options options = ForkMain.Options.parse(Arrays.copyOfRange(args, 1, args.length));
        Path work = Path.of(options.get("work"));
        DataSet data = DataSet.clustered(work.resolve("data"), options.integer("size", 100_000), 128, options.integer("queries", 1000), 42);
        Path ours = work.resolve("ours");
        Path raw = work.resolve("raw");
        switch (args[0]) {
            case "prepare" -> {
                if (!Files.exists(ours)) {
                    OursInProcess.build(data, ours, OurEngine.collection(Report.CLUSTERED, data.dimension(), BenchMain.HNSW,
                            Quantization.NONE));
                }
                if (!Files.exists(raw)) {
                    RawLuceneBaseline.index(data, raw, BenchMain.HNSW);
                    RawLuceneBaseline.mergeToOneSegment(raw, BenchMain.HNSW);
                }
                Log.info("data " + data.dir() + ", ours " + ours + ", raw " + raw);
            }
            case "visited" -> {
                Path oursIndex = OurEngine.indexDir(ours, OurEngine.collection(Report.CLUSTERED, data.dimension(), BenchMain.HNSW,
                        Quantization.NONE));
                for (int ef : options.ints("efs", "24,32,48")) {
                    System.out.printf(Locale.ROOT, "ef %d: visited per query, ours %.1f, raw %.1f%n", ef, visited(oursIndex, data, ef),
                            visited(raw, data, ef));
                }
            }
            case "cpu" -> {
                int ef = options.integer("ef", 32);
                boolean oursEngine = options.get("engine", "ours").equals("ours");
                try (OurEngine engine = new OurEngine(ours, Duration.ofHours(1));
                        RawLuceneBaseline.Searcher searcher = RawLuceneBaseline.Searcher.open(raw)) {
                    Collection collection = OurEngine.collection(Report.CLUSTERED, data.dimension(), BenchMain.HNSW, Quantization.NONE);
                    Measure.KnnSearch search = oursEngine ? (q, k, e, percent) -> OursInProcess.ids(engine.port.search(collection,
                            OursInProcess.query(q, k, e, percent))) : (q, k, e, percent) -> searcher.search(q, k, e);
                    long warm = System.nanoTime() + 10_000_000_000L;
                    while (System.nanoTime() < warm) {
                        cpuPass(search, data, ef, 1);
                    }
                    for (int pass = 0; pass < options.integer("passes", 5); pass++) {
                        for (int threads : options.ints("threads", "1,2")) {
                            double[] figures = cpuPass(search, data, ef, threads);
                            System.out.printf(Locale.ROOT, "%s threads %d: %.0f QPS, %.1f us CPU per query, load %s%n",
                                    oursEngine ? "ours" : "raw", threads, figures[0], figures[1], Files.readString(Path.of("/proc/loadavg")).trim());
                        }
                    }
                }
            }
            case "alloc" -> {
                int ef = options.integer("ef", 32);
                try (OurEngine engine = new OurEngine(ours, Duration.ofHours(1));
                        RawLuceneBaseline.Searcher searcher = RawLuceneBaseline.Searcher.open(raw)) {
                    Collection collection = OurEngine.collection(Report.CLUSTERED, data.dimension(), BenchMain.HNSW, Quantization.NONE);
                    Measure.KnnSearch oursSearch = (q, k, e, percent) -> OursInProcess.ids(engine.port.search(collection,
                            OursInProcess.query(q, k, e, percent)));
                    Measure.KnnSearch rawSearch = (q, k, e, percent) -> searcher.search(q, k, e);
                    for (int round = 0; round < options.integer("rounds", 3); round++) {
                        double[] o = perQuery(oursSearch, data, ef);
                        double[] r = perQuery(rawSearch, data, ef);
                        System.out.printf(Locale.ROOT, "round %d, ef %d: per query, ours %.0f bytes %.1f us CPU, raw %.0f bytes %.1f us CPU%n",
                                round, ef, o[0], o[1], r[0], r[1]);
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown probe " + args[0]);
        }
        System.exit(0);
    }

    /**
     * Every query on each of {@code threads} threads: the pass's queries per second and the searching
     * threads' CPU time per query (which time slices lost to other processes do not inflate, but
     * contention between the searching threads does: spinning, cache lines passed between cores).
     */
    private static double[] cpuPass(Measure.KnnSearch search, DataSet data, int ef, int threads) throws InterruptedException {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        float[][] queries = data.queries();
        java.util.concurrent.atomic.AtomicLong cpu = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.List<Thread> workers = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * queries.length / threads;
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    long start = bean.getCurrentThreadCpuTime();
                    for (int i = 0; i < queries.length; i++) {
                        search.search(queries[(offset + i) % queries.length], BenchMain.K, ef, 100);
                    }
                    cpu.addAndGet(bean.getCurrentThreadCpuTime() - start);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        long n = (long) threads * queries.length;
        return new double[] {n / ((System.nanoTime() - start) / 1e9), cpu.get() / 1e3 / n};
    }

    /**
     * Bytes this thread allocates per search (the JVM's own count, which load does not distort) and its
     * CPU time per search, after a warm-up pass.
     */
    private static double[] perQuery(Measure.KnnSearch search, DataSet data, int ef) throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (float[] query : data.queries()) {
            search.search(query, BenchMain.K, ef, 100);
        }
        long bytes = threads.getCurrentThreadAllocatedBytes();
        long cpu = threads.getCurrentThreadCpuTime();
        for (float[] query : data.queries()) {
            search.search(query, BenchMain.K, ef, 100);
        }
        int n = data.queries().length;
        return new double[] {(double) (threads.getCurrentThreadAllocatedBytes() - bytes) / n, (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / n};
    }

    /**
     * The mean number of graph nodes a {@link KnnFloatVectorQuery} of beam {@code ef} visits (Lucene
     * reports it as the total hit count of the rewritten query) over the data set's queries.
     */
    private static double visited(Path index, DataSet data, int ef) throws IOException {
        try (Directory directory = new MMapDirectory(index); DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            long[] visited = {0};
            for (float[] query : data.queries()) {
                searcher.search(new KnnFloatVectorQuery("vector", RawLuceneBaseline.unit(query), ef) {
                    @Override
                    protected TopDocs mergeLeafResults(TopDocs[] perLeaf) {
                        for (TopDocs leaf : perLeaf) {
                            visited[0] += leaf.totalHits.value(); // the nodes the leaf's graph walk visited
                        }
                        return super.mergeLeafResults(perLeaf);
                    }
                }, BenchMain.K);
            }
            return (double) visited[0] / data.queries().length;
        }
    }
}
