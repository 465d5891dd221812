package dev.vectorizer.bench;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The peer: {@code bench/hnswlib/bench.mjs} (hnswlib-node, the C++ hnswlib) run by {@code node} on
 * the same files, same M / efConstruction, cosine, same ef values and passes, single thread; filtered
 * searches through hnswlib's filter function. The index is built once per data set and cached.
 */
final class HnswlibRunner {

    private HnswlibRunner() {
    }

    /** Runs the peer; {@code build} receives the build seconds when it built (rather than loaded) the index. */
    static void run(Path script, DataSet data, Path indexCache, int[] efs, int passes, int[] filters, int[] filterEfs,
            Consumer<Double> build, Consumer<JsonObject> each) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", script.toString(),
                "--base", data.baseFile().toString(), "--queries", data.queriesFile().toString(),
                "--truth", data.truthFile().toString(), "--space", "cosine",
                "--m", Integer.toString(BenchMain.HNSW.m()), "--ef-construction", Integer.toString(BenchMain.HNSW.efConstruction()),
                "--efs", Forks.csv(efs), "--passes", Integer.toString(passes), "--k", Integer.toString(BenchMain.K),
                "--index-cache", indexCache.toString()));
        if (filters.length > 0) {
            command.addAll(List.of("--filtered-truth",
                    Arrays.stream(filters).mapToObj(p -> p + ":" + data.filteredTruthFile(p)).collect(Collectors.joining(",")),
                    "--filter-efs", Forks.csv(filterEfs)));
        }
        Forks.run(command, json -> {
            if (json.getString("type").equals("build")) {
                build.accept(json.getJsonNumber("seconds").doubleValue());
            } else {
                each.accept(json);
            }
        });
    }
}
