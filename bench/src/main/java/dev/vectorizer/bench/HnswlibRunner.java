package dev.vectorizer.bench;

import dev.vectorizer.domain.HnswSettings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The peer: {@code bench/hnswlib/bench.mjs} (hnswlib-node, the C++ hnswlib) run by {@code node} on
 * the same files, same M / efConstruction, cosine, same ef values and passes, single thread.
 */
final class HnswlibRunner {

    record Result(double buildSeconds, List<Sweep> sweeps) {
    }

    private HnswlibRunner() {
    }

    static Result run(Path script, DataSet data, HnswSettings hnsw, int[] efs, int passes, int k, Consumer<Sweep> each)
            throws IOException, InterruptedException {
        List<String> command = List.of("node", script.toString(),
                "--base", data.baseFile().toString(), "--queries", data.queriesFile().toString(),
                "--truth", data.truthFile().toString(), "--space", "cosine",
                "--m", Integer.toString(hnsw.m()), "--ef-construction", Integer.toString(hnsw.efConstruction()),
                "--efs", Arrays.stream(efs).mapToObj(Integer::toString).collect(Collectors.joining(",")),
                "--passes", Integer.toString(passes), "--k", Integer.toString(k));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        double build = Double.NaN;
        List<Sweep> sweeps = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (!line.startsWith("{")) {
                    continue;
                }
                JsonObject json;
                try (JsonReader reader = Json.createReader(new StringReader(line))) {
                    json = reader.readObject();
                }
                switch (json.getString("type")) {
                    case "build" -> {
                        build = json.getJsonNumber("seconds").doubleValue();
                        Log.info(String.format("hnswlib: built %d in %.1f s", json.getInt("count"), build));
                    }
                    case "search" -> {
                        List<Double> qps = json.getJsonArray("qps").getValuesAs(jakarta.json.JsonNumber.class).stream()
                                .map(jakarta.json.JsonNumber::doubleValue).toList();
                        Sweep sweep = new Sweep("hnswlib", json.getInt("ef"), json.getJsonNumber("recall").doubleValue(), qps);
                        sweeps.add(sweep);
                        each.accept(sweep);
                    }
                    default -> Log.info("hnswlib: " + line);
                }
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("hnswlib benchmark did not finish");
        }
        if (process.exitValue() != 0) {
            throw new IOException("hnswlib benchmark failed with exit code " + process.exitValue());
        }
        return new Result(build, sweeps);
    }
}
