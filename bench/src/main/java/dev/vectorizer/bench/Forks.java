package dev.vectorizer.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Child processes that report as JSON lines on stdout: {@link ForkMain} in a fresh JVM, or the hnswlib peer in node. */
final class Forks {

    private Forks() {
    }

    /** Runs {@link ForkMain} {@code args} in a fresh JVM with this JVM's flags and class path. */
    static void java(List<String> args, Consumer<JsonObject> each) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-XX:StartFlightRecording") && !arg.startsWith("-agent")) {
                command.add(arg);
            }
        }
        String profile = System.getProperty("bench.fork.jfr"); // -Dbench.fork.jfr=DIR: a JFR recording per fork
        if (profile != null) {
            command.add("-XX:StartFlightRecording=settings=profile,filename=" + Path.of(profile, "fork-" + System.nanoTime() + ".jfr"));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ForkMain.class.getName()));
        command.addAll(args);
        run(command, each);
    }

    /** Runs {@code command}, hands every JSON line of its stdout to {@code each}; fails unless it exits with 0. */
    static void run(List<String> command, Consumer<JsonObject> each) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("{")) {
                    try (JsonReader reader = Json.createReader(new StringReader(line))) {
                        each.accept(reader.readObject());
                    }
                }
            }
        }
        if (!process.waitFor(60, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("child failed: " + String.join(" ", command.subList(Math.max(0, command.size() - 12), command.size())));
        }
    }

    /** {@code 10,16,24}: how the children take a list of numbers. */
    static String csv(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }
}
