package dev.vectorizer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Waits until the machine is quiet before an engine runs: the CPU time spent by everything but this
 * process over a 5 s window ({@code /proc/stat} minus {@code /proc/self/stat}) must stay under
 * {@code maxCores} cores. Gives up after {@code timeoutSeconds} and says so; either way it returns
 * the load of the last window, which the report records next to the run.
 */
final class QuietBox {

    /** What the box looked like when a run started. */
    record Load(String run, double otherCores, double waitedSeconds, boolean quiet) {

        String describe() {
            return String.format(Locale.ROOT, "%.2f cores used by others%s after %.0f s", otherCores, quiet ? "" : " (NOT quiet: gave up waiting)",
                    waitedSeconds);
        }
    }

    private static final long WINDOW_MILLIS = 5_000;

    private final double maxCores;
    private final double timeoutSeconds;

    QuietBox(double maxCores, double timeoutSeconds) {
        this.maxCores = maxCores;
        this.timeoutSeconds = timeoutSeconds;
    }

    Load await(String run) throws IOException, InterruptedException {
        long start = System.nanoTime();
        while (true) {
            double others = othersOverWindow();
            double waited = (System.nanoTime() - start) / 1e9;
            boolean quiet = others < maxCores;
            if (quiet || waited >= timeoutSeconds) {
                Load load = new Load(run, others, waited, quiet);
                Log.info(run + ": " + load.describe());
                return load;
            }
            Log.info(String.format(Locale.ROOT, "%s: waiting for a quiet box (others use %.2f cores, want < %.2f)", run, others, maxCores));
        }
    }

    /** Cores used by other processes over one window. */
    private static double othersOverWindow() throws IOException, InterruptedException {
        long[] before = machine();
        long ownBefore = own();
        Thread.sleep(WINDOW_MILLIS);
        long[] after = machine();
        long own = own() - ownBefore;
        long busy = after[0] - before[0];
        long total = after[1] - before[1];
        int cores = Runtime.getRuntime().availableProcessors();
        return total <= 0 ? 0 : Math.max(0, busy - own) / (double) total * cores;
    }

    /** Busy and total jiffies of all CPUs. */
    private static long[] machine() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long user = Long.parseLong(f[1]);
        long nice = Long.parseLong(f[2]);
        long system = Long.parseLong(f[3]);
        long idle = Long.parseLong(f[4]);
        long iowait = Long.parseLong(f[5]);
        long irq = Long.parseLong(f[6]);
        long softirq = Long.parseLong(f[7]);
        long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
        long busy = user + nice + system + irq + softirq + steal;
        return new long[] {busy, busy + idle + iowait};
    }

    /** This process's user + system jiffies. */
    private static long own() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+"); // f[0] is field 3 (state)
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15
    }
}
