package dev.vectorizer.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A Payara Server domain of the full distribution ({@code payara.home}), driven only with
 * {@code asadmin} as an operator would (docs/DEPLOYMENT.md): created on a free port base in its own
 * directory, run on the test JVM's JDK ({@code AS_JAVA}), stopped on {@link #close()} whatever happened.
 */
final class PayaraDomain implements AutoCloseable {

    private static final String NAME = "vectorizer";
    /** create-domain --portbase: admin is base + 48, HTTP base + 80; the domain uses ports up to base + 86. */
    private static final int ADMIN_OFFSET = 48;
    private static final int HTTP_OFFSET = 80;
    private static final int PORTS_USED = 100;

    private final Path asadmin = Path.of(System.getProperty("payara.home"), "bin", "asadmin");
    private final Path domains;
    /** A port base below the ephemeral range. */
    private final int portBase = FullServers.freePorts(200, 320, n -> IntStream.range(n * 100, n * 100 + PORTS_USED)) * 100;
    private boolean started;

    private PayaraDomain(Path workDir) {
        this.domains = workDir.resolve("domains");
    }

    /** Creates the domain (not started). */
    static PayaraDomain create(Path workDir) throws IOException, InterruptedException {
        PayaraDomain domain = new PayaraDomain(workDir);
        domain.local("create-domain", "--nopassword=true", "--portbase", String.valueOf(domain.portBase),
                "--domaindir", domain.domains.toString(), NAME);
        return domain;
    }

    URI http() {
        return URI.create("http://127.0.0.1:" + (portBase + HTTP_OFFSET) + "/");
    }

    Path log() {
        return domains.resolve(NAME).resolve("logs/server.log");
    }

    void start() throws IOException, InterruptedException {
        started = true;
        local("start-domain", "--domaindir", domains.toString(), NAME);
    }

    void stop() throws IOException, InterruptedException {
        local("stop-domain", "--domaindir", domains.toString(), NAME);
        started = false;
    }

    /** A command against the running domain's admin port. */
    String remote(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--port", String.valueOf(portBase + ADMIN_OFFSET)));
        args.addAll(List.of(command));
        return local(args.toArray(String[]::new));
    }

    /** Polls {@code /health/ready} until it answers 200. */
    void awaitReady() throws InterruptedException {
        FullServers.awaitReady(http(), "health/ready", log());
    }

    /** Stops the domain if it runs; {@code --kill} if a graceful stop fails. */
    @Override
    public void close() throws IOException {
        if (!started) {
            return;
        }
        try {
            try {
                stop();
            } catch (IllegalStateException stopFailed) {
                local("stop-domain", "--kill=true", "--domaindir", domains.toString(), NAME);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the domain in " + domains, e);
        }
    }

    private String local(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(asadmin.toString(), "--interactive=false"));
        line.addAll(List.of(command));
        return FullServers.run(line, Map.of("AS_JAVA", System.getProperty("java.home")), domains);
    }
}
