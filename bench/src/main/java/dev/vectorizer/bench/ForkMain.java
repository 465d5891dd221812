package dev.vectorizer.bench;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.Incarnation;
import dev.vectorizer.domain.Quantization;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One engine's run in a fresh JVM (Lucene's speed differs between JVMs, so every run gets its own):
 * opens an index built earlier and measures it ({@link Measure}), printing JSON lines.
 *
 * <pre>
 * ForkMain ours --data DIR --engine-dir DIR --name N [--tenant bench] [--incarnation 1] [--quantization none]
 *               --label L --efs 10,16 --passes P [--threads 1,2,4] [--thread-ef E] [--filters 10,1] [--filter-efs ..]
 * ForkMain raw  --data DIR --index DIR --label L --efs .. --passes P [--threads 1,2,4]
 * ForkMain pair --data DIR --engine-dir DIR --name N --index DIR --efs .. --passes P   (ours and raw Lucene interleaved: {@link Interleaved})
 * ForkMain rest --data DIR --engine-dir DIR --name N --tenant T --incarnation I --ef E --rest-recall R --url URL
 *               --server-pid PID --work DIR [--connections 1,4] [--passes 3] [--seconds 5]
 *               (wrk against a live server and its index in process, interleaved: {@link RestInterleaved})
 * ForkMain machine --data DIR --passes P [--threads 1,2]   (the distance kernel alone: {@link MachineCeiling})
 * </pre>
 * Without {@code --thread-ef}, the thread runs use the smallest swept ef reaching recall 0.95; with it,
 * no sweep runs. An empty {@code --efs} runs no unfiltered sweep (a fork for the filtered searches alone).
 */
public final class ForkMain {

    private ForkMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        DataSet data = DataSet.open(Path.of(options.get("data")));
        switch (args[0]) {
            case "ours" -> {
                Collection collection = oursCollection(options, data);
                try (OurEngine engine = new OurEngine(Path.of(options.get("engine-dir")), Duration.ofHours(1))) {
                    run(options, data, search(engine, collection));
                }
            }
            case "rest" -> {
                Collection collection = oursCollection(options, data);
                try (OurEngine engine = new OurEngine(Path.of(options.get("engine-dir")), Duration.ofHours(1))) {
                    RestInterleaved.Server server = new RestInterleaved.Server(URI.create(options.get("url")),
                            ProcessHandle.of(Long.parseLong(options.get("server-pid"))).orElseThrow());
                    RestInterleaved.run(data, search(engine, collection), server, Path.of(options.get("work")),
                            Integer.parseInt(options.get("ef")), Double.parseDouble(options.get("rest-recall")),
                            options.ints("connections", "1,4"), options.integer("passes", 3), Duration.ofSeconds(options.integer("seconds", 5)));
                }
            }
            case "pair" -> {
                Collection collection = oursCollection(options, data);
                try (OurEngine engine = new OurEngine(Path.of(options.get("engine-dir")), Duration.ofHours(1));
                        RawLuceneBaseline.Searcher searcher = RawLuceneBaseline.Searcher.open(Path.of(options.get("index")))) {
                    Interleaved.run(data, search(engine, collection), (q, k, ef, percent) -> searcher.search(q, k, ef),
                            options.ints("efs", BenchMain.EFS), options.integer("passes", 5));
                }
            }
            case "machine" -> MachineCeiling.run(data, options.ints("threads", "1,2"), options.integer("passes", 5));
            case "raw" -> {
                try (RawLuceneBaseline.Searcher searcher = RawLuceneBaseline.Searcher.open(Path.of(options.get("index")))) {
                    run(options, data, (q, k, ef, percent) -> searcher.search(q, k, ef));
                }
            }
            default -> throw new IllegalArgumentException("unknown fork task " + args[0]);
        }
        System.exit(0);
    }

    private static Collection oursCollection(Options options, DataSet data) {
        return OurEngine.collection(options.get("tenant", OurEngine.TENANT), options.get("name"),
                new Incarnation(HexFormat.fromHexDigitsToLong(options.get("incarnation", "1"))), data.dimension(), BenchMain.HNSW,
                Quantization.parse(options.get("quantization", "none")));
    }

    private static Measure.KnnSearch search(OurEngine engine, Collection collection) {
        return (q, k, ef, percent) -> OursInProcess.ids(engine.port.search(collection, OursInProcess.query(q, k, ef, percent)));
    }

    /** The arguments of an {@code ours} run; callers add the optional ones. */
    static List<String> oursArgs(DataSet data, Path engineDir, String name, String label, int[] efs, int passes) {
        return new ArrayList<>(List.of("ours", "--data", data.dir().toString(), "--engine-dir", engineDir.toString(), "--name", name,
                "--label", label, "--efs", Forks.csv(efs), "--passes", Integer.toString(passes)));
    }

    private static void run(Options options, DataSet data, Measure.KnnSearch search) throws IOException, InterruptedException {
        String label = options.get("label");
        int passes = options.integer("passes", 5);
        int k = BenchMain.K;
        float[][] queries = data.queries();
        int[] efs = options.ints("efs", BenchMain.EFS);
        int[] filters = options.ints("filters", "");
        int[] filterEfs = options.ints("filter-efs", "10,32,100");
        // only the searches this fork measures are warmed up: what the JIT compiles for one kind of
        // search (filtered or not) shapes how fast the other runs in the same JVM
        if (efs.length > 0) {
            Measure.warmUp(search, queries, efs, new int[] {100}, k);
        }
        if (filters.length > 0) {
            Measure.warmUp(search, queries, filterEfs, filters, k);
        }
        int threadEf = options.integer("thread-ef", -1);
        if (threadEf < 0 && efs.length > 0) {
            List<Sweep> sweeps = new ArrayList<>();
            for (int ef : efs) {
                double recall = Measure.recall(search, queries, data.truth(), k, ef, 100);
                List<Double> qps = Measure.passes(search, queries, k, ef, 100, passes);
                Measure.emitSweep(label, ef, 100, recall, qps);
                sweeps.add(new Sweep(label, ef, recall, qps));
            }
            threadEf = Sweep.firstReaching(sweeps, BenchMain.RECALL_TARGET).map(Sweep::ef).orElse(efs[efs.length - 1]);
        }
        int[] threadCounts = options.ints("threads", "");
        if (threadCounts.length > 0) {
            double recall = Measure.recall(search, queries, data.truth(), k, threadEf, 100);
            Map<Integer, List<Double>> rates = Measure.concurrentPasses(threadCounts, passes, Measure.clients(search, queries, k, threadEf, 100));
            for (Map.Entry<Integer, List<Double>> rate : rates.entrySet()) {
                Measure.emitThreads(label, threadEf, rate.getKey(), recall, rate.getValue());
            }
        }
        for (int percent : filters) {
            int[][] truth = data.filteredTruth(percent);
            for (int ef : filterEfs) {
                double recall = Measure.recall(search, queries, truth, k, ef, percent);
                Measure.emitSweep(label, ef, percent, recall, Measure.passes(search, queries, k, ef, percent, passes));
            }
        }
    }

    /** {@code --name value} pairs. */
    record Options(Map<String, String> values) {

        static Options parse(String[] args) {
            Map<String, String> values = new java.util.HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --option value, got " + args[i]);
                }
                values.put(args[i].substring(2), args[++i]);
            }
            return new Options(values);
        }

        String get(String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }

        String get(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }

        int integer(String name, int fallback) {
            return Integer.parseInt(get(name, Integer.toString(fallback)));
        }

        double decimal(String name, double fallback) {
            return Double.parseDouble(get(name, Double.toString(fallback)));
        }

        int[] ints(String name, String fallback) {
            String value = get(name, fallback);
            return value.isBlank() ? new int[0] : Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
        }

        List<String> list(String name) {
            String value = get(name, "");
            return value.isBlank() ? List.of() : List.of(value.split(","));
        }
    }
}
