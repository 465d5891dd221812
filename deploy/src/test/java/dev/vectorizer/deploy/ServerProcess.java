package dev.vectorizer.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built uber-jar ({@code deploy/target/vectorizer.jar}) running as its own process, the way an
 * operator runs it: same JVM flags, its own working directory, output captured to a log file.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(180);
    /** A boot that used less CPU than {@link #IDLE_CPU} over this long, not yet listening, is deadlocked, however loaded the box. */
    private static final Duration IDLE_WINDOW = Duration.ofSeconds(30);
    private static final Duration IDLE_CPU = Duration.ofMillis(200);

    private final Path workDir;
    private final List<String> extraArgs = new ArrayList<>();
    private final int port = freePort();
    private Process process;
    private int starts;

    ServerProcess(Path workDir, String... extraArgs) {
        this.workDir = workDir;
        this.extraArgs.addAll(List.of(extraArgs));
    }

    /** Adds arguments for the starts to come (of two settings of one system property, the later wins). */
    ServerProcess with(String... moreArgs) {
        extraArgs.addAll(List.of(moreArgs));
        return this;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    Http http() {
        return new Http(base());
    }

    Path log() {
        return workDir.resolve("server-" + starts + ".log");
    }

    /**
     * Starts the server and waits until {@code /health/ready} answers 200. A boot that hangs (seen in
     * CI: Payara Micro silent for minutes, its run-level threads deadlocked, before deploying anything
     * of ours; found by its idle CPU or the deadline) gets a thread dump in its log and one more try; a
     * second hang fails.
     */
    ServerProcess start() throws IOException, InterruptedException {
        launch();
        try {
            awaitReady();
        } catch (BootHung hung) {
            Path hungLog = log();
            dumpThreadsAndKill();
            System.err.println("[ServerProcess] boot hung; threads in " + hungLog + "; starting once more");
            launch();
            awaitReady();
        }
        return this;
    }

    /** Starts the server process without waiting for it. */
    ServerProcess launch() throws IOException {
        starts++;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("vectorizer.jvm.flags").split("\\s+")));
        // Payara Micro unpacks itself and the WAR (~0.7 GB) under java.io.tmpdir and leaves it there when
        // killed: keep it in the work directory, which the test deletes.
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(workDir.resolve("tmp")));
        command.addAll(extraArgs.stream().filter(ServerProcess::isJvmOption).toList());
        // The jar starts no Hazelcast (its pre-boot commands); should it ever again, a multicast port of its own
        // keeps each test server alone (with Hazelcast, servers on one machine formed grids of up to 4 and once hung a boot).
        command.addAll(List.of("-jar", System.getProperty("vectorizer.uber-jar"), "--port", String.valueOf(port), "--mcport", String.valueOf(port)));
        command.addAll(extraArgs.stream().filter(a -> !isJvmOption(a)).toList());
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log().toFile());
        builder.environment().remove("VECTORIZER_DATA_DIR");
        process = builder.start();
        return this;
    }

    /** System properties ({@code -D...}) and JVM settings such as the heap size ({@code -Xmx...}) go to the JVM. */
    private static boolean isJvmOption(String arg) {
        return arg.startsWith("-D") || arg.startsWith("-X");
    }

    /** Waits until the server's output contains {@code text}. */
    void awaitOutput(String text) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (!output().contains(text)) {
            if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                throw new IllegalStateException("server never printed '" + text + "':\n" + tail());
            }
            Thread.sleep(250);
        }
    }

    /** Graceful stop (SIGTERM), as an orchestrator would. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Abrupt death (SIGKILL): no shutdown hooks, nothing flushed that was not already. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }

    String output() throws IOException {
        return Files.readString(log());
    }

    /**
     * Graceful stop, then the server's temporary files go; if interrupted while waiting for it, kills
     * the server and keeps the interrupt.
     */
    @Override
    public void close() {
        try {
            stop();
            deleteTree(workDir.resolve("tmp"));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[ServerProcess] could not delete " + root + ": " + e);
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        Instant windowStart = Instant.now();
        Optional<Duration> cpuAtWindowStart = cpu();
        boolean listening = false;
        Http http = http();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (http.get("health/ready").status() == 200) {
                    return;
                }
                listening = true; // booted; readiness may wait on something else (HiveHub) without using CPU
            } catch (IllegalStateException notListeningYet) {
                // keep polling
            }
            if (!listening && Duration.between(windowStart, Instant.now()).compareTo(IDLE_WINDOW) >= 0) {
                Optional<Duration> cpu = cpu();
                if (cpu.isPresent() && cpuAtWindowStart.isPresent()) {
                    Duration used = cpu.get().minus(cpuAtWindowStart.get());
                    if (used.compareTo(IDLE_CPU) < 0) {
                        throw new BootHung("server used " + used.toMillis() + " ms of CPU in " + IDLE_WINDOW + " without listening:\n" + tail());
                    }
                }
                windowStart = Instant.now();
                cpuAtWindowStart = cpu;
            }
            Thread.sleep(250);
        }
        throw new BootHung("server not ready after " + STARTUP + ":\n" + tail());
    }

    /** The server process's CPU time so far, where the OS says. */
    private Optional<Duration> cpu() {
        return process.info().totalCpuDuration();
    }

    /** SIGQUIT makes the JVM print every thread's stack to its output (our log); then SIGKILL. */
    private void dumpThreadsAndKill() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-QUIT", String.valueOf(process.pid())).inheritIO().start().waitFor();
        Thread.sleep(2_000);
        kill();
    }

    private static final class BootHung extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        BootHung(String message) {
            super(message);
        }
    }

    private String tail() throws IOException {
        String out = output();
        return out.substring(Math.max(0, out.length() - 4000));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
