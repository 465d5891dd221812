package dev.vectorizer.bench.load;

import dev.vectorizer.bench.harness.Findings;
import dev.vectorizer.bench.harness.Latencies;
import dev.vectorizer.bench.harness.Tally;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The tenants load's figures: answers, throughput and p50/p99 per operation, quota refusals, the tenants' checks, PASS or FAIL. */
public final class TenantsLoadReport {

    private final long seed;
    private final TenantsLoadHarness.Settings settings;
    private final Duration setUp;
    private final Duration load;
    private final String loadAverage;
    private final Tally tally;
    private final Latencies latencies;
    private final Findings findings;
    private final List<LoadTenant.Verdict> verdicts;
    private final int quotaRefusals;

    TenantsLoadReport(long seed, TenantsLoadHarness.Settings settings, Duration setUp, Duration load, String loadAverage, Tally tally,
            Latencies latencies, Findings findings, List<LoadTenant.Verdict> verdicts, int quotaRefusals) {
        this.seed = seed;
        this.settings = settings;
        this.setUp = setUp;
        this.load = load;
        this.loadAverage = loadAverage;
        this.tally = tally;
        this.latencies = latencies;
        this.findings = findings;
        this.verdicts = verdicts;
        this.quotaRefusals = quotaRefusals;
    }

    /** Requests answered with a 2xx, all operations. */
    public int served() {
        return latencies.operations().stream().mapToInt(latencies::count).sum();
    }

    /** 429 {@code max_vectors} refusals of inserts at their tenant's limit (expected). */
    public int quotaRefusals() {
        return quotaRefusals;
    }

    /** Tenants that ended at their plan's max_vectors. */
    public long tenantsAtLimit() {
        return verdicts.stream().filter(LoadTenant.Verdict::atLimit).count();
    }

    /** Errors, wrong answers and inexact quotas, by kind; empty when the run passed. */
    public Map<String, Integer> findings() {
        return findings.counts();
    }

    public boolean passed() {
        return served() > 0 && findings().isEmpty();
    }

    public String markdown() {
        double seconds = load.toNanos() / 1e9;
        StringBuilder out = new StringBuilder(tally.markdown());
        out.append("\n| operation | 2xx | per second | p50 (ms) | p99 (ms) |\n|---|--:|--:|--:|--:|\n");
        for (String op : latencies.operations()) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", op, latencies.count(op), latencies.count(op) / seconds,
                    latencies.percentileMillis(op, 0.50), latencies.percentileMillis(op, 0.99)));
        }
        out.append(String.format(Locale.ROOT, "| all | %d | %.1f | | |%n", served(), served() / seconds));
        int errors = findings().getOrDefault("error", 0);
        out.append(String.format(Locale.ROOT, "%nTenants load: seed %d, %d tenants (set up in %.1f s), %d clients, %.1f s; load average %s%n", seed,
                settings.tenants(), setUp.toMillis() / 1e3, settings.clients(), seconds, loadAverage));
        out.append(String.format(Locale.ROOT, "- %d requests in all (the fill up to the smallest plan included); errors %d; "
                + "quota refusals (429 max_vectors, expected) %d; %d tenants ended at their max_vectors, %d vectors in all; quotas exact: %s%n",
                tally.total(), errors,
                quotaRefusals, tenantsAtLimit(), verdicts.stream().mapToInt(LoadTenant.Verdict::vectors).sum(),
                findings().keySet().stream().anyMatch(k -> k.contains("quota") || k.contains("acknowledged") || k.contains("usage")) ? "NO" : "yes"));
        out.append(passed() ? "PASS" : "FAIL").append('\n');
        findings().forEach((kind, count) -> out.append("- ").append(kind).append(": ").append(count).append('\n'));
        findings.examples().forEach(e -> out.append("    - ").append(e).append('\n'));
        return out.toString();
    }
}
