package dev.vectorizer.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The uber-jar as a child process of a bench main, in standalone mode on its own data directory and
 * a free loopback port that stays the same across restarts, with the JVM flags of
 * {@code ./vectorizer java-flags} (passed by bench/common.sh as {@code vectorizer.jvm.flags}); the
 * output of every start is appended to one log file. The extra JVM arguments come last, so they may
 * set another mode ({@code -Dvectorizer.mode=hub}: the last value of a property wins).
 */
public final class UberJarProcess implements ServerControl, AutoCloseable {

    private static final long STARTUP_MINUTES = 10;

    private final Path jar;
    private final Path dataDir;
    private final Path logFile;
    private final List<String> extraJvmArgs;
    private final int port = freePort();
    private Process process;

    public UberJarProcess(Path jar, Path workDir, List<String> extraJvmArgs) {
        this.jar = jar;
        this.dataDir = workDir.resolve("data");
        this.logFile = workDir.resolve("server.log");
        this.extraJvmArgs = List.copyOf(extraJvmArgs);
    }

    @Override
    public URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path logFile() {
        return logFile;
    }

    /** The server's data directory ({@code vectorizer.data-dir}). */
    public Path dataDir() {
        return dataDir;
    }

    /** The process id of the running server. */
    public long pid() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("the server is not running");
        }
        return process.pid();
    }

    @Override
    public void start() throws IOException, InterruptedException {
        String jvmFlags = System.getProperty("vectorizer.jvm.flags");
        if (jvmFlags == null) {
            throw new IllegalStateException("vectorizer.jvm.flags is not set: start the harnesses with bench/run-*.sh");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmFlags.trim().split("\\s+")));
        command.addAll(List.of("-Dvectorizer.mode=standalone", "-Dvectorizer.data-dir=" + dataDir.toAbsolutePath()));
        // Payara Micro's runtime and exploded WAR (~0.7 GB per start) stay behind after a kill -9: keep them in the work dir.
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(dataDir.toAbsolutePath().resolveSibling("tmp")));
        command.addAll(extraJvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port), "--nocluster", "--mcport", Integer.toString(port)));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly)); // never outlive the harness
        JsonClient client = new JsonClient(base());
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(STARTUP_MINUTES);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with " + process.exitValue() + "; see " + logFile);
            }
            if (client.ready()) {
                return;
            }
            Thread.sleep(250);
        }
        kill();
        throw new IOException("the server was not ready within " + STARTUP_MINUTES + " minutes; see " + logFile);
    }

    @Override
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(); // SIGKILL on Unix
        }
    }

    @Override
    public String adminKey() throws IOException {
        return Files.readString(dataDir.resolve("admin.key")).strip();
    }

    @Override
    public String log() throws IOException {
        return Files.readString(logFile);
    }

    /** Stops the server gracefully (SIGTERM), killing it if that takes over a minute or the wait is interrupted. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
