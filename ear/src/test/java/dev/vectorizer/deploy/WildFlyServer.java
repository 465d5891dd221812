package dev.vectorizer.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A standalone WildFly server of the distribution at {@code wildfly.home}, run as an operator runs a
 * second instance (docs/DEPLOYMENT.md): its own base directory ({@code jboss.server.base.dir}, a copy
 * of the distribution's configuration), all ports moved by a free port offset, the test JVM's JDK,
 * driven with {@code jboss-cli.sh}; shut down on {@link #close()} whatever happened.
 */
final class WildFlyServer implements AutoCloseable {

    static final String CONFIGURATION = "standalone-microprofile.xml";
    /** The ports of {@link #CONFIGURATION}'s socket bindings before the offset. */
    private static final int[] PORTS = {4712, 4713, 8009, 8080, 8443, 9990, 9993};
    private static final int HTTP = 8080;
    private static final int MANAGEMENT = 9990;

    private final Path home = Path.of(System.getProperty("wildfly.home"));
    private final Path base;
    /** Keeps the highest port (9993 + offset) below the ephemeral range. */
    private final int offset = FullServers.freePorts(1000, 22000, n -> Arrays.stream(PORTS).map(p -> p + n));
    private Process process;

    private WildFlyServer(Path workDir) {
        this.base = workDir.resolve("standalone");
    }

    /**
     * Starts the server with {@code javaOpts} as its {@code JAVA_OPTS} (which replace
     * {@code bin/standalone.conf}'s defaults) and {@code properties} as system properties, and waits
     * until its management interface reports it ready.
     */
    static WildFlyServer start(Path workDir, String javaOpts, String... properties) throws IOException, InterruptedException {
        WildFlyServer server = new WildFlyServer(workDir);
        Path configuration = server.base.resolve("configuration");
        Files.createDirectories(configuration);
        try (Stream<Path> files = Files.list(server.home.resolve("standalone/configuration"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, configuration.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> line = new ArrayList<>(List.of(server.home.resolve("bin/standalone.sh").toString(), "-c", CONFIGURATION,
                "-Djboss.server.base.dir=" + server.base, "-Djboss.socket.binding.port-offset=" + server.offset));
        line.addAll(List.of(properties));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(server.base.resolve("console.log").toFile());
        builder.environment().putAll(Map.of("JAVA_HOME", System.getProperty("java.home"), "JAVA_OPTS", javaOpts));
        server.process = builder.start();
        try {
            FullServers.awaitReady(server.management(), "health/ready", server.log());
        } catch (IllegalStateException | InterruptedException notReady) {
            server.close();
            throw notReady;
        }
        return server;
    }

    URI http() {
        return URI.create("http://127.0.0.1:" + (HTTP + offset) + "/");
    }

    /** The management interface: {@code /health/*}, and {@code /metrics} once Micrometer's Prometheus registry is added. */
    URI management() {
        return URI.create("http://127.0.0.1:" + (MANAGEMENT + offset) + "/");
    }

    Path log() {
        return base.resolve("log/server.log");
    }

    /** Runs {@code commands} as one {@code jboss-cli.sh} script against this server; its output. */
    String cli(String... commands) throws IOException, InterruptedException {
        Path script = Files.createTempFile(base, "commands-", ".cli");
        Files.write(script, List.of(commands));
        try {
            return FullServers.run(List.of(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                    "--controller=remote+http://127.0.0.1:" + (MANAGEMENT + offset), "--file=" + script),
                    Map.of("JAVA_HOME", System.getProperty("java.home")), base);
        } finally {
            Files.delete(script);
        }
    }

    /** Shuts the server down through its CLI, or ends its processes if that fails. */
    @Override
    public void close() throws IOException {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            try {
                cli("shutdown");
            } catch (IllegalStateException shutdownFailed) {
                // the processes go below
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping WildFly in " + base, e);
        }
    }
}
