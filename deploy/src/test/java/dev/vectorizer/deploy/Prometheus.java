package dev.vectorizer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus (Debian's {@code prometheus} package, which {@code .ci/run} installs) scraping a
 * server every second with the alert rules of {@code deploy/monitoring}, on loopback, for as long as
 * the test holds it. A missing binary fails the test, saying what to install: the proof that
 * {@code /metrics} is what Prometheus reads is never silently skipped.
 */
final class Prometheus implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int LINT_PROBLEMS = 3;

    private final Path monitoring;
    private final Path dir;
    private final Process process;
    private final Http http;

    private Prometheus(Path monitoring, Path dir, Process process, int port) {
        this.monitoring = monitoring;
        this.dir = dir;
        this.process = process;
        this.http = new Http(URI.create("http://127.0.0.1:" + port + "/"));
    }

    /** The binary {@code name} on the PATH; fails the test when it is missing. */
    static Path binary(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(p -> Path.of(p, name)).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not on the PATH: install Debian's prometheus package"
                        + " (apt-get install --no-install-recommends prometheus; .ci/run does when it runs as root or with sudo)"));
    }

    /** Starts Prometheus in {@code dir}, scraping {@code target}'s {@code /metrics} with {@code monitoring}'s rules. */
    static Prometheus scraping(Path dir, URI target, Path monitoring) throws IOException {
        Path prometheus = binary("prometheus");
        Files.createDirectories(dir);
        Files.copy(monitoring.resolve("prometheus/alerts.yml"), dir.resolve("alerts.yml"));
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - alerts.yml
                scrape_configs:
                  - job_name: vectorizer
                    metrics_path: /metrics
                    static_configs:
                      - targets: ['%s']
                """.formatted(target.getHost() + ":" + target.getPort()));
        int port = freePort();
        Process process = new ProcessBuilder(prometheus.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        return new Prometheus(monitoring, dir, process, port);
    }

    /**
     * {@code promtool check config} on the example scrape configuration, {@code check rules} and
     * {@code test rules} (the alerts' unit tests) on the shipped alert rules pass.
     */
    void checkMonitoring() throws IOException, InterruptedException {
        Path config = monitoring.resolve("prometheus");
        promtool(config, "check", "config", "prometheus.yml");
        promtool(config, "check", "rules", "alerts.yml");
        promtool(config, "test", "rules", "alerts-test.yml");
    }

    /**
     * The lint problems {@code promtool check metrics} finds in {@code exposition} (one per line,
     * "name problem"); fails the test if promtool cannot parse it as Prometheus text at all.
     */
    List<String> lintMetrics(String exposition) throws IOException, InterruptedException {
        Path log = dir.resolve("promtool-check-metrics.log");
        Process run = new ProcessBuilder(binary("promtool").toString(), "check", "metrics").redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try (var in = run.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("promtool check metrics finishes").isTrue();
        // promtool exits with 1 when the text does not parse, 3 when it parses but has lint problems
        assertThat(run.exitValue()).as("promtool check metrics:%n%s", Files.readString(log)).isIn(0, LINT_PROBLEMS);
        return Files.readAllLines(log);
    }

    private void promtool(Path workDir, String... command) throws IOException, InterruptedException {
        List<String> line = Stream.concat(Stream.of(binary("promtool").toString()), Stream.of(command)).toList();
        Path log = dir.resolve("promtool-" + String.join("-", command) + ".log");
        Process run = new ProcessBuilder(line).directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("promtool %s finishes", line).isTrue();
        assertThat(run.exitValue()).as("promtool %s:%n%s", String.join(" ", command), Files.readString(log)).isZero();
    }

    /** The label sets of the series named {@code name}, once Prometheus has scraped at least one. */
    List<JsonObject> awaitSeries(String name) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("prometheus runs:%n%s", log()).isTrue();
            try {
                Http.Answer answer = http.get("api/v1/series?match[]=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
                if (answer.status() == 200) {
                    List<JsonObject> series = answer.json().getJsonArray("data").getValuesAs(JsonObject.class);
                    if (!series.isEmpty()) {
                        return series;
                    }
                }
            } catch (IllegalStateException notListeningYet) {
                // keep polling
            }
            Thread.sleep(500);
        }
        throw new AssertionError("Prometheus never scraped " + name + ":\n" + log());
    }

    /** The names of the alert rules Prometheus loaded. */
    List<String> rulesLoaded() {
        JsonObject rules = http.get("api/v1/rules").json();
        return rules.getJsonObject("data").getJsonArray("groups").getValuesAs(JsonObject.class).stream()
                .flatMap(g -> g.getJsonArray("rules").getValuesAs(JsonObject.class).stream()).map(r -> r.getString("name")).toList();
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("prometheus.log"));
    }

    /** Stops Prometheus; if interrupted while waiting, kills it and keeps the interrupt. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
