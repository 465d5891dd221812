package dev.vectorizer.bench;

import dev.vectorizer.bench.fuzz.FuzzReport;
import dev.vectorizer.bench.fuzz.Fuzzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The bad-input fuzzer against the uber-jar: starts it in standalone mode (fresh data directory, a
 * free loopback port, {@link Fuzzer#SERVER_SETTINGS}), runs {@link Fuzzer}, prints the report and the server's SEVERE log lines, and exits
 * 1 when there is a finding or a SEVERE line.
 *
 * <pre>bench/run-fuzz.sh [seed] [count] [--budget-seconds 900]</pre>
 */
public final class FuzzMain {

    private FuzzMain() {
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(AuthOverheadBench.stringArg(args, "--seed", "42"));
        int count = AuthOverheadBench.intArg(args, "--count", 5000);
        Duration budget = Duration.ofSeconds(AuthOverheadBench.intArg(args, "--budget-seconds", 900));
        Path jar = Path.of(AuthOverheadBench.stringArg(args, "--jar", "deploy/target/vectorizer.jar"));
        Path work = Files.createTempDirectory("vectorizer-fuzz");
        Path log = work.resolve("server.log");
        FuzzReport report;
        try (RestRunner server = RestRunner.start(jar, work.resolve("data"), log, "standalone", Fuzzer.SERVER_SETTINGS)) {
            Log.info("fuzzing with seed " + seed + ", at most " + count + " requests in " + budget.toSeconds() + " s");
            report = new Fuzzer(server.base(), Files.readString(work.resolve("data/admin.key")).strip()).run(seed, count, budget);
        }
        List<String> severe = Files.readAllLines(log).stream().filter(line -> line.contains("SEVERE")).toList();
        System.out.println(report.markdown(200));
        System.out.printf("%nServer log (%s): %d SEVERE lines%n", log, severe.size());
        severe.stream().limit(20).forEach(line -> System.out.println("    " + line));
        System.exit(report.passed() && severe.isEmpty() ? 0 : 1);
    }
}
