package dev.vectorizer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The Markdown result tables. */
final class Report {

    /** One data set's sweep: every engine's points, with each engine's build time. */

    private final StringBuilder out = new StringBuilder();
    private final List<String[]> targets = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void header(String text) {
        out.append(text).append("\n\n");
    }

    /** One row per (engine, ef); {@code builds} in the order engines first appear in {@code sweeps}. */
    void sweeps(String title, List<Sweep> sweeps, java.util.Map<String, Double> builds) {
        out.append("### ").append(title).append("\n\n");
        out.append("| engine | ef | build s | recall@10 | QPS median | QPS min–max |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        String previous = "";
        for (Sweep s : sweeps) {
            boolean first = !s.engine().equals(previous);
            previous = s.engine();
            Double build = builds.get(s.engine());
            out.append(String.format(Locale.ROOT, "| %s | %d | %s | %.4f | %,.0f | %,.0f–%,.0f |%n", s.engine(), s.ef(),
                    first && build != null ? String.format(Locale.ROOT, "%.1f", build) : "", s.recall(), s.median(), s.min(), s.max()));
        }
        out.append('\n');
    }

    void ingest(List<Ingest> ingests, Ingest baseline) {
        out.append("### Ingest (until durable and searchable)\n\n");
        out.append("| path | vectors | s | vectors/s | vs raw Lucene |\n|---|---:|---:|---:|---:|\n");
        for (Ingest i : ingests) {
            out.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %,.0f | %.2f× |%n", i.path(), i.count(), i.seconds(),
                    i.perSecond(), i.perSecond() / baseline.perSecond()));
        }
        out.append('\n');
    }

    /** ours / reference against goal (ratio ≥ goal). */
    void target(String what, String ours, String reference, double ratio, double goal) {
        targets.add(new String[] {what, ours, reference, Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f×", ratio),
                String.format(Locale.ROOT, "≥ %.2f×", goal), Double.isNaN(ratio) ? "n/a" : ratio >= goal ? "yes" : "**no**"});
    }

    /** QPS of the fastest point at recall ≥ {@code recall} of both engines. */
    void qpsTarget(String data, List<Sweep> ours, List<Sweep> peer, double recall) {
        Optional<Sweep> a = Sweep.firstReaching(ours, recall);
        Optional<Sweep> b = Sweep.firstReaching(peer, recall);
        target(String.format(Locale.ROOT, "%s: QPS at recall@10 ≥ %.3f vs hnswlib", data, recall),
                a.map(Report::point).orElse("not reached"), b.map(Report::point).orElse("not reached"),
                a.isPresent() && b.isPresent() ? a.get().median() / b.get().median() : Double.NaN, 1.0);
    }

    static String point(Sweep s) {
        return String.format(Locale.ROOT, "%,.0f QPS (ef %d, recall %.3f)", s.median(), s.ef(), s.recall());
    }

    void note(String text) {
        notes.add(text);
    }

    String render() {
        StringBuilder all = new StringBuilder(out);
        for (String note : notes) {
            all.append("- ").append(note).append('\n');
        }
        if (!notes.isEmpty()) {
            all.append('\n');
        }
        if (!targets.isEmpty()) {
            all.append("### Targets\n\n| target | ours | reference | ratio | goal | met |\n|---|---|---|---:|---:|---|\n");
            for (String[] t : targets) {
                all.append("| ").append(String.join(" | ", t)).append(" |\n");
            }
            all.append('\n');
        }
        return all.toString();
    }
}
