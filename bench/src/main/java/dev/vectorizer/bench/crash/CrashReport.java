package dev.vectorizer.bench.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The crash harness's findings: a row per round, the totals, PASS or FAIL, and what failed. */
public final class CrashReport {

    /** One kill and restart: what was acknowledged before it, and what the check after it found. */
    static final class Round {
        final int number;
        final int killAfterMillis;
        final double restartSeconds;
        final int ackedUpserts;
        final int ackedVectors;
        final int ackedDeletes;
        int stored;
        int lost;
        int wrong;
        int resurrected;
        int phantom;
        int torn;
        int pendingApplied;
        int pendingNotApplied;
        int partialDeletes;
        final List<String> problems = new ArrayList<>();

        Round(int number, int killAfterMillis, double restartSeconds, List<Writer> writers) {
            this.number = number;
            this.killAfterMillis = killAfterMillis;
            this.restartSeconds = restartSeconds;
            List<Writer.Tally> tallies = writers.stream().map(Writer::tally).toList();
            ackedUpserts = tallies.stream().mapToInt(Writer.Tally::ackedUpserts).sum();
            ackedVectors = tallies.stream().mapToInt(Writer.Tally::ackedVectors).sum();
            ackedDeletes = tallies.stream().mapToInt(Writer.Tally::ackedDeletes).sum();
            tallies.forEach(t -> t.errors().forEach(e -> problems.add("answer to a valid write: " + e)));
        }

        void add(WriterLedger.Check check) {
            lost += check.lost();
            wrong += check.wrong();
            resurrected += check.resurrected();
            torn += check.torn();
            pendingApplied += check.pendingApplied();
            pendingNotApplied += check.pendingNotApplied();
            partialDeletes += check.partialDeletes();
            problems.addAll(check.examples());
        }

        void phantom(String what) {
            phantom++;
            problems.add(what);
        }

        void unhealthy(String what) {
            problems.add("collection does not answer right: " + what);
        }

        boolean passed() {
            return problems.isEmpty();
        }
    }

    private final long seed;
    private final CrashHarness.Settings settings;
    private final List<Round> rounds = new ArrayList<>();
    private final long start = System.nanoTime();
    private Duration elapsed = Duration.ZERO;
    private List<String> severe = List.of();

    CrashReport(long seed, CrashHarness.Settings settings) {
        this.seed = seed;
        this.settings = settings;
    }

    void add(Round round) {
        rounds.add(round);
        System.err.println("[crash] " + row(round));
    }

    void finish(String serverLog) {
        elapsed = Duration.ofNanos(System.nanoTime() - start);
        severe = serverLog.lines().filter(line -> line.contains("SEVERE")).toList();
    }

    public int rounds() {
        return rounds.size();
    }

    public int ackedVectors() {
        return rounds.stream().mapToInt(r -> r.ackedVectors).sum();
    }

    /** Every problem found: lost, wrong, undeleted, phantom or torn data, bad answers, and SEVERE log lines. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        rounds.forEach(r -> r.problems.forEach(p -> problems.add("round " + r.number + ": " + p)));
        severe.forEach(line -> problems.add("server log: " + line));
        return problems;
    }

    public boolean passed() {
        return !rounds.isEmpty() && problems().isEmpty();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| round | kill after (ms) | restart (s) | upserts acked | vectors acked | deletes acked | in flight: applied / not"
                + " | stored | lost | wrong | undeleted | phantom | torn | partial deletes | problems |\n")
                .append("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        rounds.forEach(r -> out.append(row(r)).append('\n'));
        out.append('\n').append(summary()).append('\n');
        List<String> problems = problems();
        problems.stream().limit(50).forEach(p -> out.append("- ").append(p).append('\n'));
        if (problems.size() > 50) {
            out.append("- … and ").append(problems.size() - 50).append(" more\n");
        }
        return out.toString();
    }

    private String summary() {
        return String.format(Locale.ROOT, "Crash durability: seed %d, %d of %d rounds, %d writers, kill after %d..%d ms, %.0f s — %s:"
                        + " %d upserts (%d vectors) and %d deletes acknowledged; lost %d, wrong %d, undeleted %d, phantom %d,"
                        + " torn batches %d; requests under way at the kill applied %d, not applied %d; %d SEVERE log lines",
                seed, rounds.size(), settings.rounds(), settings.writers(), settings.minKillMillis(), settings.maxKillMillis(),
                elapsed.toMillis() / 1e3, passed() ? "PASS" : "FAIL",
                sum(r -> r.ackedUpserts), ackedVectors(), sum(r -> r.ackedDeletes), sum(r -> r.lost), sum(r -> r.wrong),
                sum(r -> r.resurrected), sum(r -> r.phantom), sum(r -> r.torn), sum(r -> r.pendingApplied), sum(r -> r.pendingNotApplied),
                severe.size());
    }

    private int sum(java.util.function.ToIntFunction<Round> f) {
        return rounds.stream().mapToInt(f).sum();
    }

    private static String row(Round r) {
        return String.format(Locale.ROOT, "| %d | %d | %.1f | %d | %d | %d | %d / %d | %d | %d | %d | %d | %d | %d | %d | %d |",
                r.number, r.killAfterMillis, r.restartSeconds, r.ackedUpserts, r.ackedVectors, r.ackedDeletes, r.pendingApplied,
                r.pendingNotApplied, r.stored, r.lost, r.wrong, r.resurrected, r.phantom, r.torn, r.partialDeletes, r.problems.size());
    }
}
