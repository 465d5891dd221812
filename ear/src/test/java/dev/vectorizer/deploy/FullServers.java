package dev.vectorizer.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** What driving a full application server from a test takes, whichever server: free ports, its command-line tools, waiting for readiness. */
final class FullServers {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private FullServers() {
    }

    /**
     * A number in {@code [from, to)} (a port base or offset, random so that parallel builds rarely
     * collide) for which every port of {@code ports} is free now.
     */
    static int freePorts(int from, int to, IntFunction<IntStream> ports) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(from, to);
            if (ports.apply(candidate).allMatch(FullServers::isFree)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free ports between " + from + " and " + to);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Runs a server's tool ({@code asadmin}, {@code jboss-cli.sh}) to its end: its output, or why it failed. */
    static String run(List<String> line, Map<String, String> environment, Path scratch) throws IOException, InterruptedException {
        Files.createDirectories(scratch);
        Path output = Files.createTempFile(scratch, "command-", ".out");
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        String name = line.getFirst().replaceAll(".*/", "") + " " + String.join(" ", line.subList(1, line.size()));
        if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(name + " timed out: " + Files.readString(output));
        }
        String text = Files.readString(output);
        Files.delete(output);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed: " + text);
        }
        return text;
    }

    /** Polls {@code base/path} until it answers 200; {@code log} is where to look if it never does. */
    static void awaitReady(URI base, String path, Path log) throws InterruptedException {
        Http http = new Http(base);
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.get(path).status() == 200) {
                    return;
                }
            } catch (IllegalStateException notListeningYet) {
                // keep polling
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(base.resolve(path) + " not ready after " + READY_TIMEOUT + "; log: " + log);
    }
}
