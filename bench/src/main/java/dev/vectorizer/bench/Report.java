package dev.vectorizer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToLongFunction;

/**
 * The Markdown tables of one run of {@code bench/run-vector-bench.sh}: targets first, then the
 * measurements they come from, then the load the box had before each run. One method per table.
 */
final class Report {

    static final String CLUSTERED = "clustered";
    static final String TEXT = "text";
    static final String OURS = "ours";
    static final String RAW = "raw Lucene, 1 segment";
    static final String HNSWLIB = "hnswlib";

    private final Results results;
    private final StringBuilder out = new StringBuilder();
    private final List<String[]> targets = new ArrayList<>();

    Report(Results results) {
        this.results = results;
    }

    static String point(Sweep s) {
        return String.format(Locale.ROOT, "%,.0f QPS (ef %d, recall %.3f)", s.median(), s.ef(), s.recall());
    }

    private static String qps(Sweep s) {
        return String.format(Locale.ROOT, "%,.0f | %,.0f–%,.0f", s.median(), s.min(), s.max());
    }

    // ------------------------------------------------------------------ targets

    private void target(String what, String ours, String reference, double ratio, double goal, boolean atMost) {
        String met = Double.isNaN(ratio) ? "n/a" : (atMost ? ratio <= goal : ratio >= goal) ? "yes" : "**no**";
        targets.add(new String[] {what, ours, reference, Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f×", ratio),
                String.format(Locale.ROOT, "%s %.2f×", atMost ? "≤" : "≥", goal), met});
    }

    /** QPS of the fastest point at recall ≥ {@code recall} of two sweeps: the ratio of their medians. */
    private void qpsTarget(String what, List<Sweep> ours, List<Sweep> reference, double recall, double goal) {
        qpsTarget(what, ours, reference, recall, goal, (a, b) -> a.median() / b.median());
    }

    private void qpsTarget(String what, List<Sweep> ours, List<Sweep> reference, double recall, double goal,
            ToDoubleBiFunction<Sweep, Sweep> ratio) {
        Optional<Sweep> a = Sweep.firstReaching(ours, recall);
        Optional<Sweep> b = Sweep.firstReaching(reference, recall);
        target(String.format(Locale.ROOT, "%s at recall@10 ≥ %.2f", what, recall), a.map(Report::point).orElse("not reached"),
                b.map(Report::point).orElse("not reached"), a.isPresent() && b.isPresent() ? ratio.applyAsDouble(a.get(), b.get()) : Double.NaN,
                goal, false);
    }

    private void targets() {
        String c = CLUSTERED;
        for (double recall : new double[] {0.95, 0.99}) {
            qpsTarget("ours vs raw Lucene one segment", results.sweep(c, OURS, 100), results.sweep(c, RAW, 100), recall, 0.95);
        }
        if (!results.series(c, OURS, "paired", 100).isEmpty()) {
            for (double recall : Interleaved.RECALL_TARGETS) {
                qpsTarget("same, both in one JVM, windows interleaved (ratio: median of the window pairs' ratios),",
                        results.series(c, OURS, "paired", 100), results.series(c, RAW, "paired", 100), recall, 0.95, Sweep::pairedRatio);
            }
        }
        for (double recall : new double[] {0.95, 0.99}) {
            qpsTarget("ours vs hnswlib (moonshot 1.0×)", results.sweep(c, OURS, 100), results.sweep(c, HNSWLIB, 100), recall, 0.85);
        }
        for (double recall : new double[] {0.95, 0.99}) {
            qpsTarget("MiniLM: ours vs hnswlib", results.sweep(TEXT, OURS, 100), results.sweep(TEXT, HNSWLIB, 100), recall, 0.85);
        }
        for (RestRequests requests : RestRequests.ALL) {
            for (int connections : new int[] {1, 4}) {
                Optional<Sweep> rest = results.point(c, requests.engine(), "rest", connections);
                Optional<Sweep> inProcess = results.point(c, requests.inProcessEngine(), "rest", connections);
                if (rest.isPresent() && inProcess.isPresent()) {
                    target(requests.target() + " (wrk, " + connections + " conn.) vs in process (" + connections + " thread"
                                    + (connections > 1 ? "s" : "") + "), windows interleaved (ratio: median of the window pairs' ratios)",
                            point(rest.get()), point(inProcess.get()), rest.get().pairedRatio(inProcess.get()), 0.85, false);
                }
            }
        }
        for (String engine : List.of(OURS, RAW)) {
            Optional<Sweep> one = results.point(c, engine, "threads", 1);
            Optional<Sweep> two = results.point(c, engine, "threads", 2);
            if (one.isPresent() && two.isPresent()) {
                target(engine + ": 2 threads vs 1", point(two.get()), point(one.get()), two.get().median() / one.get().median(), 1.8, false);
            }
        }
        Optional<Sweep> one = results.point(c, MachineCeiling.SIMD, "kernel", 1);
        Optional<Sweep> two = results.point(c, MachineCeiling.SIMD, "kernel", 2);
        if (one.isPresent() && two.isPresent()) {
            double ratio = two.get().median() / one.get().median();
            targets.add(new String[] {"the machine: " + MachineCeiling.SIMD + ", 2 threads vs 1 (the ceiling of the two rows above)",
                    dotProducts(two.get()), dotProducts(one.get()), String.format(Locale.ROOT, "%.2f×", ratio), "—", "—"});
        }
        for (int filter : new int[] {10, 1}) {
            if (!results.sweep(c, OURS, filter).isEmpty()) {
                qpsTarget("filtered " + filter + " %: ours vs hnswlib", results.sweep(c, OURS, filter), results.sweep(c, HNSWLIB, filter), 0.95, 1.0);
            }
        }
        quantizedTarget();
        Optional<Double> ours = results.ingestRate(OursInProcess.INGEST_PATH);
        Optional<Double> raw = results.ingestRate(RawLuceneBaseline.INGEST_PATH);
        if (ours.isPresent() && raw.isPresent()) {
            target("durable ingest vs raw Lucene bulk", String.format(Locale.ROOT, "%,.0f vectors/s", ours.get()),
                    String.format(Locale.ROOT, "%,.0f vectors/s", raw.get()), ours.get() / raw.get(), 0.7, false);
        }
        coldStartTarget("cold start to ready: uber-jar vs empty Payara Micro WAR", ColdStart.EMPTY_WAR);
        coldStartTarget("cold start to ready: uber-jar vs empty WAR on the same pre-boot commands", ColdStart.EMPTY_WAR_AS_OURS);
    }

    private void coldStartTarget(String name, String floor) {
        List<Double> jar = results.coldStarts.get(ColdStart.UBER_JAR);
        List<Double> war = results.coldStarts.get(floor);
        if (jar != null && war != null) {
            double a = new Sweep("", 0, 0, jar).median();
            double b = new Sweep("", 0, 0, war).median();
            target(name, String.format(Locale.ROOT, "%.1f s", a), String.format(Locale.ROOT, "%.1f s", b), a / b, 1.5, true);
        }
    }

    /** The quantized variant reaching recall 0.95 fastest, vs hnswlib, and its hot memory vs float. */
    private void quantizedTarget() {
        Optional<Sweep> peer = Sweep.firstReaching(results.sweep(CLUSTERED, HNSWLIB, 100), 0.95);
        Optional<Results.Footprint> float32 = footprint(OURS);
        Sweep best = null;
        for (String engine : results.engines(CLUSTERED, 100)) {
            if (engine.startsWith(OURS + " int") || engine.startsWith(OURS + " binary")) {
                Optional<Sweep> at = Sweep.firstReaching(results.sweep(CLUSTERED, engine, 100), 0.95);
                if (at.isPresent() && (best == null || at.get().median() > best.median())) {
                    best = at.get();
                }
            }
        }
        if (best == null || peer.isEmpty()) {
            return;
        }
        target("quantized (" + best.engine() + ") vs hnswlib at recall ≥ 0.95", point(best), point(peer.get()), best.median() / peer.get().median(),
                0.8, false);
        Optional<Results.Footprint> quantized = footprint(best.engine());
        if (float32.isPresent() && quantized.isPresent()) {
            hotTarget("hot vectors (the issue's measure: the vectors every search scores): float32 / " + best.engine(),
                    float32.get(), quantized.get(), Results.Footprint::hotVectorBytes);
            hotTarget("hot memory with the HNSW graph: float32 / " + best.engine(), float32.get(), quantized.get(), Results.Footprint::hotBytes);
        }
    }

    private void hotTarget(String name, Results.Footprint float32, Results.Footprint quantized, ToLongFunction<Results.Footprint> hot) {
        target(name, bytes(hot.applyAsLong(quantized) / (double) quantized.count()) + " per vector",
                bytes(hot.applyAsLong(float32) / (double) float32.count()) + " per vector",
                hot.applyAsLong(float32) / (double) hot.applyAsLong(quantized), 3, false);
    }

    private Optional<Results.Footprint> footprint(String engine) {
        return results.footprints.stream().filter(f -> f.engine().equals(engine)).findFirst();
    }

    private static String bytes(double b) {
        return String.format(Locale.ROOT, "%,.0f B", b);
    }

    // ------------------------------------------------------------------ tables

    private void loads() {
        out.append("#### Load before each run (CPU used by other processes over 5 s)\n\n| run | others' cores | waited s | quiet |\n|---|---:|---:|---|\n");
        for (QuietBox.Load l : results.loads) {
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %.0f | %s |%n", l.run(), l.otherCores(), l.waitedSeconds(), l.quiet() ? "yes" : "**no**"));
        }
        out.append('\n');
    }

    private void sweeps(String data, String title) {
        List<String> engines = results.engines(data, 100);
        if (engines.isEmpty()) {
            return;
        }
        out.append("#### ").append(title).append("\n\n| engine | ef | recall@10 | QPS median | QPS min–max |\n|---|---:|---:|---:|---:|\n");
        for (String engine : engines) {
            for (Sweep s : results.sweep(data, engine, 100)) {
                out.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %s |%n", engine, s.ef(), s.recall(), qps(s)));
            }
        }
        out.append('\n');
    }

    private void threads() {
        List<Map.Entry<Results.Key, Sweep>> rows = results.ofKind(CLUSTERED, "threads");
        if (rows.isEmpty()) {
            return;
        }
        out.append("#### Concurrent clients in process (clustered, no filter)\n\n| engine | ef | threads | recall@10 | QPS median | QPS min–max | vs 1 thread |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<Results.Key, Sweep> row : rows) {
            Sweep s = row.getValue();
            double one = results.point(CLUSTERED, s.engine(), "threads", 1).map(Sweep::median).orElse(Double.NaN);
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %.4f | %s | %.2f× |%n", s.engine(), s.ef(), row.getKey().threads(), s.recall(),
                    qps(s), s.median() / one));
        }
        out.append('\n');
    }

    private static String dotProducts(Sweep s) {
        return String.format(Locale.ROOT, "%,.0f M dot products/s", s.median() / 1e6);
    }

    private void machine() {
        List<Map.Entry<Results.Key, Sweep>> rows = results.ofKind(CLUSTERED, "kernel");
        if (rows.isEmpty()) {
            return;
        }
        out.append("#### The machine: the distance kernel alone, 1 and 2 threads (128-d rows of the data set, at random)\n\n"
                + "| kernel | threads | M dot products/s median | min–max | vs 1 thread |\n|---|---:|---:|---:|---:|\n");
        for (Map.Entry<Results.Key, Sweep> row : rows) {
            Sweep s = row.getValue();
            double one = results.point(CLUSTERED, s.engine(), "kernel", 1).map(Sweep::median).orElse(Double.NaN);
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f–%.1f | %.2f× |%n", s.engine(), row.getKey().threads(),
                    s.median() / 1e6, s.min() / 1e6, s.max() / 1e6, s.median() / one));
        }
        out.append('\n');
    }

    private void rest() {
        List<Map.Entry<Results.Key, Sweep>> rows = results.ofKind(CLUSTERED, "rest"); // REST runs and the in-process windows beside them
        if (rows.isEmpty()) {
            return;
        }
        out.append("#### REST search (wrk) vs the same index in process, windows interleaved\n\n| requests | connections / threads | ef "
                + "| REST searches/s median | REST min–max | in process QPS median | in process min–max | REST / in process (median of window pairs) |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (RestRequests requests : RestRequests.ALL) {
            for (Map.Entry<Results.Key, Sweep> row : rows) {
                if (!row.getKey().engine().equals(requests.engine())) {
                    continue;
                }
                Sweep r = row.getValue();
                Optional<Sweep> in = results.point(CLUSTERED, requests.inProcessEngine(), "rest", row.getKey().threads());
                out.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %s | %s |%n", requests.requests(), row.getKey().threads(), r.ef(), qps(r),
                        in.map(Report::qps).orElse("n/a | n/a"),
                        in.map(s -> String.format(Locale.ROOT, "%.2f×", r.pairedRatio(s))).orElse("n/a")));
            }
        }
        out.append('\n');
    }

    private void filtered() {
        List<Map.Entry<Results.Key, Sweep>> rows = results.ofKind(CLUSTERED, "sweep").stream().filter(e -> e.getKey().filter() < 100).toList();
        if (rows.isEmpty()) {
            return;
        }
        out.append("#### Filtered search (payload `bucket = row % 100`, filter `bucket < p`)\n\n| kept | engine | ef | recall@10 | QPS median | QPS min–max |\n|---:|---|---:|---:|---:|---:|\n");
        rows.stream().sorted((a, b) -> a.getKey().filter() != b.getKey().filter() ? b.getKey().filter() - a.getKey().filter()
                : a.getKey().engine().equals(b.getKey().engine()) ? a.getKey().ef() - b.getKey().ef() : a.getKey().engine().compareTo(b.getKey().engine()))
                .forEach(e -> out.append(String.format(Locale.ROOT, "| %d %% | %s | %d | %.4f | %s |%n", e.getKey().filter(), e.getKey().engine(),
                        e.getKey().ef(), e.getValue().recall(), qps(e.getValue()))));
        out.append('\n');
    }

    private void footprints() {
        if (results.footprints.isEmpty()) {
            return;
        }
        out.append("#### Bytes per vector (after the idle merge; raw = 4·d)\n\n| index | disk | float32 vectors | quantized | HNSW graph | stored fields | other | hot (RAM for search) | disk / raw | hot / raw |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Results.Footprint f : results.footprints) {
            double n = f.count();
            double raw = 4.0 * f.dimension();
            Map<String, Long> b = f.bytes();
            out.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %.2f× | %.2f× |%n", f.engine(),
                    f.total() / n, b.getOrDefault("vectors", 0L) / n, b.getOrDefault("quantized", 0L) / n, b.getOrDefault("graph", 0L) / n,
                    b.getOrDefault("stored", 0L) / n, b.getOrDefault("other", 0L) / n, f.hotBytes() / n, f.total() / n / raw, f.hotBytes() / n / raw));
        }
        out.append('\n');
    }

    private void ingests() {
        if (results.ingests.isEmpty()) {
            return;
        }
        Optional<Double> raw = results.ingestRate(RawLuceneBaseline.INGEST_PATH);
        out.append("#### Ingest (until durable and searchable)\n\n| path | vectors | runs | vectors/s median | min–max | vs raw Lucene |\n|---|---:|---:|---:|---:|---:|\n");
        results.ingests.forEach((path, runs) -> {
            Sweep rates = new Sweep(path, 0, 0, runs.stream().map(Ingest::perSecond).toList());
            out.append(String.format(Locale.ROOT, "| %s | %,d | %d | %,.0f | %,.0f–%,.0f | %s |%n", path, runs.getFirst().count(), runs.size(),
                    rates.median(), rates.min(), rates.max(), raw.map(r -> String.format(Locale.ROOT, "%.2f×", rates.median() / r)).orElse("")));
        });
        out.append('\n');
    }

    private void coldStarts() {
        if (results.coldStarts.isEmpty()) {
            return;
        }
        out.append("#### Cold start (process start to `/health/ready` 200)\n\n| server | runs | s median | min–max |\n|---|---:|---:|---:|\n");
        results.coldStarts.forEach((what, seconds) -> {
            Sweep s = new Sweep(what, 0, 0, seconds);
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f–%.1f |%n", what, seconds.size(), s.median(), s.min(), s.max()));
        });
        if (!results.firstTextSearchMillis.isEmpty()) {
            Sweep t = new Sweep("", 0, 0, results.firstTextSearchMillis);
            out.append(String.format(Locale.ROOT, "%nFirst text search after start (loads the embedding model): %,.0f ms median (%,.0f–%,.0f).%n",
                    t.median(), t.min(), t.max()));
        }
        out.append('\n');
    }

    String render(String header, String clusteredTitle, String textTitle) {
        targets();
        out.append(header).append("\n\n#### Targets\n\n| target | ours | reference | ratio | goal | met |\n|---|---|---|---:|---:|---|\n");
        for (String[] t : targets) {
            out.append("| ").append(String.join(" | ", t)).append(" |\n");
        }
        out.append('\n');
        sweeps(CLUSTERED, clusteredTitle);
        threads();
        machine();
        rest();
        filtered();
        footprints();
        ingests();
        coldStarts();
        sweeps(TEXT, textTitle);
        for (String note : results.notes) {
            out.append("- ").append(note).append('\n');
        }
        if (!results.notes.isEmpty()) {
            out.append('\n');
        }
        loads();
        return out.toString();
    }
}
