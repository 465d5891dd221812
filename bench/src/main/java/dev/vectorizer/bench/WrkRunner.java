package dev.vectorizer.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search throughput over HTTP measured by wrk (Debian package {@code wrk}), not by a Java client: a
 * Lua script POSTs the search bodies of a file (one JSON document a line) in turn, each wrk thread
 * from its own offset, over {@code connections} keep-alive connections ({@code min(connections, 2)}
 * wrk threads on this 2-core box). Any non-2xx answer or socket error fails the run. wrk and the
 * server share the cores, so each run also records the server process's own CPU time per request
 * (all its threads, JIT included): what one answer costs the server, whatever wrk took.
 */
final class WrkRunner {

    /** One wrk run: requests per second, latency percentiles and the server's CPU microseconds per request. */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, double serverCpuMicrosPerRequest) {
    }

    private static final String SCRIPT = """
            -- POSTs the JSON bodies of the file given after "--" (one a line) in turn; written by WrkRunner
            local requests = {}
            local i = 0
            init = function(args)
              for line in io.lines(args[1]) do
                requests[#requests + 1] = wrk.format("POST", nil, {["Content-Type"] = "application/json"}, line)
              end
              i = math.random(#requests)
            end
            request = function()
              i = i % #requests + 1
              return requests[i]
            end
            """;

    private final Path script;
    private final Path bodies;

    private WrkRunner(Path script, Path bodies) {
        this.script = script;
        this.bodies = bodies;
    }

    /** Writes the Lua script and the bodies under {@code work}. */
    static WrkRunner prepare(Path work, List<String> bodies) throws IOException {
        Files.createDirectories(work);
        Path script = work.resolve("search.lua");
        Files.writeString(script, SCRIPT);
        Path file = work.resolve("search-bodies.jsonl");
        Files.write(file, bodies, StandardCharsets.UTF_8);
        return new WrkRunner(script, file);
    }

    /** Runs wrk against {@code url} of {@code server} (a live process) for {@code seconds}. */
    Result run(ProcessHandle server, URI url, int connections, int seconds) throws IOException, InterruptedException {
        Duration cpuBefore = cpu(server);
        List<String> command = List.of("wrk", "-t", Integer.toString(Math.min(connections, 2)), "-c", Integer.toString(connections),
                "-d", seconds + "s", "--latency", "-s", script.toString(), url.toString(), "--", bodies.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("wrk failed:\n" + out);
        }
        if (out.contains("Non-2xx") || out.contains("Socket errors")) {
            throw new IOException("wrk saw failed requests:\n" + out);
        }
        double cpuMicros = cpu(server).minus(cpuBefore).toNanos() / 1e3;
        Result result = new Result(number(out, "Requests/sec:\\s+([0-9.]+)"), latency(out, "50%"), latency(out, "99%"),
                cpuMicros / number(out, "([0-9]+) requests in"));
        Log.info(String.format(Locale.ROOT, "wrk %d connection(s): %,.0f req/s, p50 %.2f ms, p99 %.2f ms, server CPU %.0f µs/request",
                connections, result.requestsPerSecond(), result.p50Millis(), result.p99Millis(), result.serverCpuMicrosPerRequest()));
        return result;
    }

    private static Duration cpu(ProcessHandle server) throws IOException {
        return server.info().totalCpuDuration().orElseThrow(() -> new IOException("no CPU time for the server process " + server.pid()));
    }

    private static double number(String out, String regex) throws IOException {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IOException("unexpected wrk output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double latency(String out, String percentile) throws IOException {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            throw new IOException("no " + percentile + " latency in wrk output:\n" + out);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            default -> value * 1000;
        };
    }
}
