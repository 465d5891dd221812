package dev.vectorizer.deploy;

import dev.vectorizer.bench.harness.ServerControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A {@link ServerProcess} (the uber-jar in standalone mode) as the server a bench harness works against. */
final class HarnessServer implements ServerControl, AutoCloseable {

    private final Path workDir;
    private final ServerProcess process;

    HarnessServer(Path workDir, String... extraArgs) {
        this.workDir = workDir;
        this.process = new ServerProcess(workDir, extraArgs);
    }

    @Override
    public URI base() {
        return process.base();
    }

    @Override
    public void start() throws IOException, InterruptedException {
        process.start();
    }

    @Override
    public void kill() throws InterruptedException {
        process.kill();
    }

    @Override
    public String adminKey() throws IOException {
        return Files.readString(workDir.resolve("data/admin.key")).strip();
    }

    /** The logs of every start, oldest first. */
    @Override
    public String log() throws IOException {
        try (Stream<Path> files = Files.list(workDir)) {
            return files.filter(f -> f.getFileName().toString().matches("server-\\d+\\.log"))
                    .sorted((a, b) -> Integer.compare(number(a), number(b))).map(HarnessServer::read).collect(Collectors.joining());
        }
    }

    @Override
    public void close() {
        process.close();
    }

    private static int number(Path log) {
        return Integer.parseInt(log.getFileName().toString().replaceAll("\\D", ""));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
