package dev.vectorizer.bench.density;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The density run as Markdown: a row per checkpoint (per-tenant figures are over the server before
 * the first tenant), the searches, the restart and a sample tenant's files.
 */
public final class DensityReport {

    private static final double KIB = 1024.0;
    private static final double MIB = 1024.0 * 1024.0;

    private final DensityHarness.Settings settings;
    private final List<DensityHarness.Checkpoint> checkpoints = new ArrayList<>();
    private final List<DensityHarness.Searches> searches = new ArrayList<>();
    private ServerProbe.Sample baseline;
    private ServerProbe.Sample afterRestart;
    private double restartSeconds = Double.NaN;
    private int created;
    private int attempted;
    private Map<String, Object> errors = Map.of();
    private boolean stoppedByErrors;
    private TenantLayout layout;

    DensityReport(DensityHarness.Settings settings) {
        this.settings = settings;
    }

    void baseline(ServerProbe.Sample sample) {
        baseline = sample;
    }

    void checkpoint(DensityHarness.Checkpoint checkpoint) {
        checkpoints.add(checkpoint);
    }

    void created(int created, int attempted, Map<String, Object> errors, boolean healthy) {
        this.created = created;
        this.attempted = Math.min(attempted, settings.tenants());
        this.errors = errors;
        this.stoppedByErrors = !healthy;
    }

    void searches(DensityHarness.Searches result) {
        searches.add(result);
    }

    void restarted(double seconds) {
        restartSeconds = seconds;
    }

    void afterRestart(ServerProbe.Sample sample) {
        afterRestart = sample;
    }

    void layout(TenantLayout sampled) {
        layout = sampled;
    }

    /** Whether every tenant asked for was created and every search found something. */
    public boolean complete() {
        return created == settings.tenants() && errors.isEmpty() && searches.stream().allMatch(s -> s.failures() == 0);
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "### Tenant density: %,d of %,d tenants created%s%n%n", created, settings.tenants(),
                created < settings.tenants() ? (stoppedByErrors ? " (stopped: too many errors)" : " (stopped: time budget)") : ""));
        out.append(String.format(Locale.ROOT, "Each tenant: its own key, one cosine collection of dimension %d, %d vectors upserted in one batch; "
                + "%d concurrent clients; budget %d min. Per-tenant figures are over the server before the first tenant "
                + "(heap %.0f MiB, data directory %.0f KiB).%n%n", settings.dimension(), settings.vectors(), settings.clients(),
                settings.budget().toMinutes(), baseline.heapUsed() / MIB, baseline.total().allocated() / KIB));
        out.append("| tenants | s | tenants/s | heap after GC MiB (per tenant KiB) | RSS MiB | open files | mappings | threads "
                + "| disk KiB per tenant: all | Lucene | H2 | other | load avg |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (DensityHarness.Checkpoint c : checkpoints) {
            ServerProbe.Sample s = c.sample();
            int n = c.tenants();
            out.append(String.format(Locale.ROOT, "| %,d | %.0f | %.1f | %.0f (%.2f) | %.0f | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %s |%n", n,
                    c.seconds(), c.rate(), s.heapUsed() / MIB, (s.heapUsed() - baseline.heapUsed()) / KIB / n, s.rss() / MIB, s.openFiles(),
                    s.mappings(), s.threads(), perTenant(s.total().allocated(), baseline.total().allocated(), n),
                    perTenant(s.lucene().allocated(), baseline.lucene().allocated(), n),
                    perTenant(s.metadata().allocated(), baseline.metadata().allocated(), n), perTenant(s.other().allocated(), baseline.other().allocated(), n),
                    s.loadAverage()));
        }
        if (!checkpoints.isEmpty()) {
            ServerProbe.Sample last = checkpoints.getLast().sample();
            out.append(String.format(Locale.ROOT, "%nApparent (file length) bytes per tenant at the end: Lucene %.1f KiB, H2 %.1f KiB.%n",
                    perTenant(last.lucene().apparent(), baseline.lucene().apparent(), created),
                    perTenant(last.metadata().apparent(), baseline.metadata().apparent(), created)));
        }
        out.append("\n| search (one at a time) | searches | p50 ms | p99 ms | max ms | failed |\n|---|---:|---:|---:|---:|---:|\n");
        for (DensityHarness.Searches s : searches) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %d |%n", s.what(), s.nanos().length, s.millis(0.5),
                    s.millis(0.99), s.millis(1.0), s.failures()));
        }
        if (!Double.isNaN(restartSeconds)) {
            out.append(String.format(Locale.ROOT, "%nRestart with %,d tenants: ready in %.1f s; then heap after GC %.0f MiB, %d open files, "
                    + "disk %.1f KiB per tenant (Lucene %.1f, H2 %.1f), load %s.%n", created, restartSeconds, afterRestart.heapUsed() / MIB,
                    afterRestart.openFiles(), perTenant(afterRestart.total().allocated(), baseline.total().allocated(), created),
                    perTenant(afterRestart.lucene().allocated(), baseline.lucene().allocated(), created),
                    perTenant(afterRestart.metadata().allocated(), baseline.metadata().allocated(), created), afterRestart.loadAverage()));
        }
        if (layout != null && layout.sampled() > 0) {
            out.append(String.format(Locale.ROOT, "%nA tenant's files (%d sampled): %.1f directories, %.1f files of which %.1f non-empty, "
                    + "%.1f KiB allocated. For example:%n%n```%n", layout.sampled(), layout.directories(), layout.files(), layout.nonEmptyFiles(),
                    layout.allocatedBytes() / KIB));
            layout.example().forEach(line -> out.append(line).append('\n'));
            out.append("```\n");
        }
        if (!errors.isEmpty()) {
            out.append("\nRefused steps:\n\n");
            errors.forEach((k, v) -> out.append("- ").append(k).append(": ").append(v).append('\n'));
        }
        out.append(String.format(Locale.ROOT, "%nAttempted %,d tenants, created %,d.%n", attempted, created));
        return out.toString();
    }

    private static double perTenant(long bytes, long baselineBytes, int tenants) {
        return tenants == 0 ? Double.NaN : (bytes - baselineBytes) / KIB / tenants;
    }
}
