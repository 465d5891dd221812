package dev.vectorizer.bench.failover;

import dev.vectorizer.bench.harness.LoadAverage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The failover harness's figures: answers by operation, the impairments, requests served and refused, writes checked, usage, PASS or FAIL. */
public final class FailoverReport {

    private final long seed;
    private final FailoverHarness.Settings settings;
    private final Impairments impairments;
    private final TenantTraffic.Arena arena;
    private final long start = System.nanoTime();
    private final String loadBefore = LoadAverage.now();
    private String loadAfter = "";
    private Duration elapsed = Duration.ZERO;
    private UsageAudit.Result usage;
    private int verified;
    private long servedImpaired;
    private long unavailable;

    FailoverReport(long seed, FailoverHarness.Settings settings, Impairments impairments, TenantTraffic.Arena arena) {
        this.seed = seed;
        this.settings = settings;
        this.impairments = impairments;
        this.arena = arena;
    }

    void usage(UsageAudit.Result result) {
        usage = result;
    }

    void verified(int writes) {
        verified = writes;
    }

    void finish(List<TenantTraffic> tenants) {
        elapsed = Duration.ofNanos(System.nanoTime() - start);
        loadAfter = LoadAverage.now();
        servedImpaired = tenants.stream().mapToLong(t -> t.servedImpaired).sum();
        unavailable = tenants.stream().mapToLong(t -> t.unavailable).sum();
    }

    public int requests() {
        return arena.tally().total();
    }

    /** 2xx answers to requests sent and answered while HiveHub was impaired: served from cached verdicts and quotas. */
    public long servedWhileImpaired() {
        return servedImpaired;
    }

    /** 503 answers (well-formed ones: the tally reports the others). */
    public long unavailable() {
        return unavailable;
    }

    /** Acknowledged writes found intact afterwards (or reported missing). */
    public int writesChecked() {
        return verified;
    }

    /** Wrong answers, lost writes and lost or doubled usage, by kind; empty when the run passed. */
    public Map<String, Integer> findings() {
        return arena.findings().counts();
    }

    public boolean passed() {
        return requests() > 0 && usage != null && findings().isEmpty();
    }

    public String markdown() {
        StringBuilder out = new StringBuilder(arena.tally().markdown());
        out.append("\n| impairment | lasted (s) |\n|---|--:|\n");
        impairments.windows().forEach(w -> out.append(String.format(Locale.ROOT, "| %s | %.1f |%n", w.how(), (w.endNanos() - w.startNanos()) / 1e9)));
        int wrong = findings().values().stream().mapToInt(Integer::intValue).sum();
        out.append(String.format(Locale.ROOT, "%nHiveHub failover: seed %d, %d tenants, %.0f s (%s); load average %s → %s%n", seed,
                settings.tenants(), elapsed.toMillis() / 1e3, impairments.describe(), loadBefore, loadAfter));
        out.append(String.format(Locale.ROOT, "- requests: %d; served while HiveHub was impaired (from cache): %d; 503 HUB_UNAVAILABLE with Retry-After: %d%n",
                requests(), servedImpaired, unavailable));
        out.append(String.format(Locale.ROOT, "- acknowledged writes checked afterwards: %d; findings (wrong answers, lost writes, lost or doubled usage): %d%n", verified, wrong));
        if (usage != null) {
            out.append(String.format(Locale.ROOT, "- usage reports: %d received, %d distinct (%d retried deliveries); requests reported %d, "
                    + "clients' count %d to %d; lost %d, counted twice %d%n", usage.received(), usage.distinct(), usage.received() - usage.distinct(),
                    usage.reported(), usage.surely(), usage.surely() + usage.maybe(), usage.lost(), usage.duplicated()));
        }
        out.append(passed() ? "PASS" : "FAIL").append('\n');
        findings().forEach((kind, count) -> out.append("- ").append(kind).append(": ").append(count).append('\n'));
        arena.findings().examples().forEach(e -> out.append("    - ").append(e).append('\n'));
        return out.toString();
    }
}
