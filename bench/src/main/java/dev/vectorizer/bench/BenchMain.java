package dev.vectorizer.bench;

import dev.vectorizer.domain.HnswSettings;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.lucene.util.IOUtils;

/**
 * The vector benchmark: ours (in process, through {@code VectorIndexPort}) vs hnswlib vs our REST
 * API, and durable ingest vs raw Lucene. Started by {@code bench/run-vector-bench.sh}; prints the
 * Markdown tables on stdout and writes them to {@code --out}. Progress goes to stderr.
 *
 * <pre>
 * BenchMain [--size 100000] [--dim 128] [--queries 1000] [--text-size 10000] [--text-queries 500]
 *           [--passes 5] [--forks 3] [--seed 42] [--efs 10,16,24,32,48,64,100,160]
 *           [--work bench/target] [--out bench/target/results.md] [--jar deploy/target/vectorizer.jar]
 *           [--hnswlib bench/hnswlib/bench.mjs] [--skip rest,text,hnswlib,raw] [--server-jvm-args '-Xmx2g ..']
 * BenchMain sweep-ours --data DIR --index DIR --name N --efs .. --passes P   (one fork; JSON lines)
 * </pre>
 */
public final class BenchMain {

    static final HnswSettings HNSW = new HnswSettings(16, 200);
    static final int K = 10;
    static final double RECALL_TARGET = 0.95;

    private final Map<String, String> options;

    private BenchMain(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        boolean fork = args.length > 0 && args[0].equals("sweep-ours");
        Map<String, String> options = parse(fork ? Arrays.copyOfRange(args, 1, args.length) : args);
        BenchMain bench = new BenchMain(options);
        if (fork) {
            bench.sweepFork();
        } else {
            bench.run();
        }
        System.exit(0); // the engine's and the embedding model's pools are daemon threads, but be sure
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(option(name, Integer.toString(fallback)));
    }

    private boolean skipped(String part) {
        return Arrays.asList(option("skip", "").split(",")).contains(part);
    }

    private int[] efs() {
        return Arrays.stream(option("efs", "10,16,24,32,48,64,100,160").split(",")).mapToInt(Integer::parseInt).toArray();
    }

    // ------------------------------------------------------------------ the whole run

    private void run() throws Exception {
        Path work = Path.of(option("work", "bench/target")).toAbsolutePath();
        Path runs = work.resolve("runs");
        IOUtils.rm(runs);
        Files.createDirectories(runs);
        int passes = intOption("passes", 5);
        int forks = intOption("forks", 3);
        long seed = Long.parseLong(option("seed", "42"));
        int[] efs = efs();

        Report report = new Report();
        report.header(environment(passes, forks));

        // ---- clustered 128-d
        DataSet clustered = DataSet.clustered(work.resolve("data"), intOption("size", 100_000), intOption("dim", 128),
                intOption("queries", 1000), seed);
        List<Ingest> ingests = new ArrayList<>();
        Map<String, Double> builds = new LinkedHashMap<>();
        Ingest ours = OursInProcess.build(clustered, runs.resolve("ours-clustered"), "clustered", HNSW);
        ingests.add(ours);
        builds.put("ours", ours.seconds());
        report.note(String.format(Locale.ROOT, "Ours after ingest of %s: %d Lucene segments (each searched with k = ef, then merged).",
                clustered.name(), OursInProcess.segments(runs.resolve("ours-clustered"), "clustered")));
        List<Sweep> oursSweeps = sweepInForks(clustered, runs.resolve("ours-clustered"), "clustered", efs, passes, forks);
        List<Sweep> all = new ArrayList<>(oursSweeps);
        List<Sweep> peer = List.of();
        if (!skipped("hnswlib")) {
            HnswlibRunner.Result h = HnswlibRunner.run(Path.of(option("hnswlib", "bench/hnswlib/bench.mjs")).toAbsolutePath(),
                    clustered, HNSW, efs, passes * forks, K, s -> Log.info("hnswlib " + describe(s)));
            builds.put("hnswlib", h.buildSeconds());
            peer = h.sweeps();
            all.addAll(peer);
        }
        Optional<Sweep> restVs = Optional.empty();
        if (!skipped("rest")) {
            Sweep at = Sweep.firstReaching(oursSweeps, RECALL_TARGET).orElse(oursSweeps.getLast());
            Path jar = Path.of(option("jar", "deploy/target/vectorizer.jar")).toAbsolutePath();
            try (RestRunner rest = RestRunner.start(jar, runs.resolve("rest-data"), work.resolve("rest-server.log"),
                    option("server-jvm-args", "").isBlank() ? List.of() : List.of(option("server-jvm-args", "").trim().split("\\s+")))) {
                rest.createCollection("clustered", clustered.dimension(), HNSW);
                Ingest restIngest = rest.ingest("clustered", clustered.base());
                Log.info(String.format("REST: ingested %d in %.1f s", restIngest.count(), restIngest.seconds()));
                ingests.add(restIngest);
                builds.put("ours REST", restIngest.seconds());
                Sweep r = rest.search("clustered", clustered, at.ef(), passes * forks, K);
                Log.info("REST " + describe(r));
                all.add(r);
                report.target("REST vs in-process search QPS (ef " + at.ef() + ")", Report.point(r), Report.point(at),
                        r.median() / at.median(), 0.85);
                restVs = Optional.of(r);
            }
        }
        Ingest raw = null;
        if (!skipped("raw")) {
            raw = RawLuceneBaseline.index(clustered, runs.resolve("raw-lucene"), HNSW);
            all.addAll(RawLuceneBaseline.sweepOneSegment(clustered, runs.resolve("raw-lucene"), HNSW, efs, passes * forks, K,
                    s -> Log.info("raw Lucene " + describe(s))));
        }
        report.sweeps(clustered.name() + " (cosine, M=16, efConstruction=200, " + clustered.queries().length + " queries)", all, builds);
        if (!peer.isEmpty()) {
            report.qpsTarget(clustered.name(), oursSweeps, peer, RECALL_TARGET);
            report.qpsTarget(clustered.name(), oursSweeps, peer, matchedRecall(oursSweeps));
        }
        if (raw != null) {
            ingests.add(raw);
            report.ingest(ingests, raw);
            report.target("durable ingest vs raw Lucene bulk", String.format(Locale.ROOT, "%,.0f vectors/s", ours.perSecond()),
                    String.format(Locale.ROOT, "%,.0f vectors/s", raw.perSecond()), ours.perSecond() / raw.perSecond(), 0.7);
        }
        IOUtils.rm(runs.resolve("rest-data"));
        IOUtils.rm(runs.resolve("raw-lucene"));

        // ---- MiniLM 384-d
        if (!skipped("text")) {
            DataSet text = DataSet.miniLm(work.resolve("data"), intOption("text-size", 10_000), intOption("text-queries", 500), seed);
            Map<String, Double> textBuilds = new LinkedHashMap<>();
            Ingest textOurs = OursInProcess.build(text, runs.resolve("ours-text"), "text", HNSW);
            textBuilds.put("ours", textOurs.seconds());
            report.note(String.format(Locale.ROOT, "Ours after ingest of %s: %d Lucene segments.",
                    text.name(), OursInProcess.segments(runs.resolve("ours-text"), "text")));
            List<Sweep> textOursSweeps = sweepInForks(text, runs.resolve("ours-text"), "text", efs, passes, forks);
            List<Sweep> textAll = new ArrayList<>(textOursSweeps);
            if (!skipped("hnswlib")) {
                HnswlibRunner.Result h = HnswlibRunner.run(Path.of(option("hnswlib", "bench/hnswlib/bench.mjs")).toAbsolutePath(),
                        text, HNSW, efs, passes * forks, K, s -> Log.info("hnswlib " + describe(s)));
                textBuilds.put("hnswlib", h.buildSeconds());
                textAll.addAll(h.sweeps());
                report.qpsTarget(text.name(), textOursSweeps, h.sweeps(), RECALL_TARGET);
                report.qpsTarget(text.name(), textOursSweeps, h.sweeps(), matchedRecall(textOursSweeps));
            }
            report.sweeps(text.name() + " (all-MiniLM-L6-v2 embeddings of generated sentences, cosine, "
                    + text.queries().length + " queries)", textAll, textBuilds);
        }

        String markdown = report.render();
        Path out = Path.of(option("out", work.resolve("results.md").toString()));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, markdown);
        System.out.print(markdown);
        System.out.flush();
        Log.info("written to " + out);
    }

    private String environment(int passes, int forks) {
        return String.format(Locale.ROOT,
                "Run %s on %d cores (%s %s), JDK %s (%s), Lucene %s, node %s. QPS: single thread, %d timed passes over the "
                        + "queries per ef after an untimed pass, in each of %d JVM forks for ours (hnswlib and REST: %d passes "
                        + "in one process); median and min–max of the passes.",
                LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), Runtime.version(), System.getProperty("java.vm.name"),
                org.apache.lucene.util.Version.LATEST, nodeVersion(), passes, forks, passes * forks);
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(10, TimeUnit.SECONDS);
            return v;
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    /**
     * Ours at its smallest ef may already exceed the recall target (several segments, each searched
     * with k = ef); comparing at the recall ours actually reaches there (rounded down) is fairer.
     */
    static double matchedRecall(List<Sweep> ours) {
        return Math.floor(ours.getFirst().recall() * 1000) / 1000;
    }

    static String describe(Sweep s) {
        return String.format(Locale.ROOT, "ef %d: recall %.4f, QPS median %,.0f (%,.0f–%,.0f)", s.ef(), s.recall(), s.median(), s.min(), s.max());
    }

    // ------------------------------------------------------------------ ours, in forked JVMs

    /** Runs the sweep in {@code forks} fresh JVMs one after another and pools their passes per ef. */
    private List<Sweep> sweepInForks(DataSet data, Path index, String name, int[] efs, int passes, int forks)
            throws IOException, InterruptedException {
        Map<Integer, Sweep> merged = new LinkedHashMap<>();
        for (int f = 0; f < forks; f++) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (!arg.startsWith("-XX:StartFlightRecording") && !arg.startsWith("-agent")) {
                    command.add(arg);
                }
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchMain.class.getName(), "sweep-ours",
                    "--data", data.dir().toString(), "--index", index.toString(), "--name", name,
                    "--efs", Arrays.stream(efs).mapToObj(Integer::toString).collect(Collectors.joining(",")),
                    "--passes", Integer.toString(passes)));
            Log.info("ours: sweep fork " + (f + 1) + "/" + forks);
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (!line.startsWith("{\"ef\"")) {
                        continue;
                    }
                    JsonObject json;
                    try (JsonReader reader = Json.createReader(new StringReader(line))) {
                        json = reader.readObject();
                    }
                    Sweep s = new Sweep("ours", json.getInt("ef"), json.getJsonNumber("recall").doubleValue(),
                            json.getJsonArray("qps").getValuesAs(JsonNumber.class).stream().map(JsonNumber::doubleValue).toList());
                    Log.info("ours fork " + (f + 1) + " " + describe(s));
                    merged.merge(s.ef(), s, Sweep::merge);
                }
            }
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("sweep fork " + (f + 1) + " failed");
            }
        }
        return new ArrayList<>(merged.values());
    }

    /** In a fork: open the index and sweep, one JSON line per ef on stdout. */
    private void sweepFork() throws IOException {
        Path dir = Path.of(option("data", null));
        DataSet data = new DataSet(dir.getFileName().toString(), dir, VecFiles.readFloats(dir.resolve("base.fvecs")),
                VecFiles.readFloats(dir.resolve("queries.fvecs")), VecFiles.readInts(dir.resolve("truth.ivecs")));
        OursInProcess.sweep(data, Path.of(option("index", null)), option("name", null), HNSW, efs(), intOption("passes", 5), K,
                s -> {
                    System.out.println(String.format(Locale.ROOT, "{\"ef\":%d,\"recall\":%.6f,\"qps\":[%s]}", s.ef(), s.recall(),
                            s.qps().stream().map(q -> String.format(Locale.ROOT, "%.1f", q)).collect(Collectors.joining(","))));
                    System.out.flush();
                });
    }
}
