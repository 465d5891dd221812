package dev.vectorizer.bench.race;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The race harness's findings: answers by operation, a row per phase check, the keys' churn, PASS or FAIL. */
public final class RaceReport {

    /** The check after one phase. */
    static final class Phase {
        final int number;
        final int creates;
        final int deletes;
        boolean exists;
        int stored;
        int judged;
        int lost;
        int wrong;
        int undeleted;
        int leaked;
        int phantom;

        Phase(int number, int creates, int deletes) {
            this.number = number;
            this.creates = creates;
            this.deletes = deletes;
        }

        void add(VectorWriter.Judgement j) {
            judged += j.judged();
            lost += j.lost();
            wrong += j.wrong();
            undeleted += j.undeleted();
            leaked += j.leaked();
            phantom += j.phantom();
        }
    }

    private final long seed;
    private final RaceHarness.Settings settings;
    private final Arena arena;
    private final List<Phase> phases = new ArrayList<>();
    private final long start = System.nanoTime();
    private Duration elapsed = Duration.ZERO;
    private String keys = "";

    RaceReport(long seed, RaceHarness.Settings settings, Arena arena) {
        this.seed = seed;
        this.settings = settings;
        this.arena = arena;
    }

    void add(Phase phase) {
        phases.add(phase);
    }

    void finish(String keySummary) {
        elapsed = Duration.ofNanos(System.nanoTime() - start);
        keys = keySummary;
    }

    /** Writes judged in all checks (acknowledged into the incarnation that was checked). */
    public int judged() {
        return phases.stream().mapToInt(p -> p.judged).sum();
    }

    /** Findings by kind; empty when the run passed. */
    public Map<String, Integer> findings() {
        return arena.findings.counts();
    }

    public boolean passed() {
        return !phases.isEmpty() && findings().isEmpty();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder(arena.tally.markdown());
        out.append("\n| phase | creates / deletes acked (total) | exists | stored | writes judged | lost | wrong | undeleted | leaked | phantom |\n")
                .append("|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|\n");
        phases.forEach(p -> out.append(String.format(Locale.ROOT, "| %d | %d / %d | %s | %d | %d | %d | %d | %d | %d | %d |%n", p.number, p.creates,
                p.deletes, p.exists ? "yes" : "no", p.stored, p.judged, p.lost, p.wrong, p.undeleted, p.leaked, p.phantom)));
        int sent = arena.tally.total();
        out.append(String.format(Locale.ROOT, "%nRaces: seed %d, %d phases in %.0f s, %d writers, %d requests; keys: %s — %s; %d writes judged%n",
                seed, phases.size(), elapsed.toMillis() / 1e3, settings.writers(), sent, keys, passed() ? "PASS" : "FAIL", judged()));
        findings().forEach((kind, count) -> out.append("- ").append(kind).append(": ").append(count).append('\n'));
        arena.findings.examples().forEach(e -> out.append("    - ").append(e).append('\n'));
        return out.toString();
    }
}
