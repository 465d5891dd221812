package dev.vectorizer.bench;

import dev.vectorizer.adapter.embedding.MiniLmEmbedding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark data set on disk ({@code base.fvecs}, {@code queries.fvecs}, {@code truth.ivecs}:
 * the exact top {@value #TRUTH_K} of every query) plus the same in memory. Prepared once per
 * parameter set and reused from {@code bench/target/data} afterwards. Vectors are unit length and
 * compared by cosine; ids are row numbers.
 */
public record DataSet(String name, Path dir, float[][] base, float[][] queries, int[][] truth) {

    public static final int TRUTH_K = 100;

    public int dimension() {
        return base[0].length;
    }

    public Path baseFile() {
        return dir.resolve("base.fvecs");
    }

    public Path queriesFile() {
        return dir.resolve("queries.fvecs");
    }

    public Path truthFile() {
        return dir.resolve("truth.ivecs");
    }

    /** Seeded Gaussian clusters (one cluster per 500 points, at least 16). */
    public static DataSet clustered(Path root, int size, int dim, int queries, long seed) throws IOException, InterruptedException {
        Path dir = root.resolve("clustered-n" + size + "-d" + dim + "-q" + queries + "-s" + seed);
        if (!complete(dir)) {
            Log.info("generating " + dir.getFileName());
            ClusteredDataSet generator = new ClusteredDataSet(Math.max(16, size / 500), dim, seed);
            write(dir, generator.sample(size, seed + 1), generator.sample(queries, seed + 2));
        }
        return load("clustered " + size + " x " + dim, dir);
    }

    /** Generated sentences embedded in process with all-MiniLM-L6-v2 (384-d). */
    public static DataSet miniLm(Path root, int size, int queries, long seed) throws IOException, InterruptedException {
        Path dir = root.resolve("minilm-n" + size + "-q" + queries + "-s" + seed);
        if (!complete(dir)) {
            List<String> sentences = Sentences.generate(size + queries, seed);
            Files.createDirectories(dir);
            Files.write(dir.resolve("sentences.txt"), sentences);
            Log.info("embedding " + sentences.size() + " sentences with " + MiniLmEmbedding.MODEL);
            MiniLmEmbedding model = new MiniLmEmbedding();
            long start = System.nanoTime();
            List<float[]> vectors = new ArrayList<>(sentences.size());
            try {
                for (int from = 0; from < sentences.size(); from += 1000) {
                    vectors.addAll(model.embed(sentences.subList(from, Math.min(sentences.size(), from + 1000))));
                    Log.info("  embedded " + vectors.size());
                }
            } finally {
                model.close();
            }
            Log.info(String.format("embedded %d texts in %.1f s", vectors.size(), (System.nanoTime() - start) / 1e9));
            float[][] all = vectors.toArray(float[][]::new);
            float[][] base = java.util.Arrays.copyOfRange(all, 0, size);
            float[][] query = java.util.Arrays.copyOfRange(all, size, all.length);
            write(dir, base, query);
        }
        return load("MiniLM " + size + " x 384", dir);
    }

    /** A data set prepared earlier (in a forked JVM: the files the main process wrote). */
    public static DataSet open(Path dir) throws IOException {
        return load(dir.getFileName().toString(), dir);
    }

    /** The file of the exact top {@value #TRUTH_K} among the rows with {@code row % 100 < percent}. */
    public Path filteredTruthFile(int percent) {
        return dir.resolve("truth-f" + percent + ".ivecs");
    }

    /** Computes (once) and returns the filtered ground truth for {@code percent}. */
    public int[][] filteredTruth(int percent) throws IOException, InterruptedException {
        Path file = filteredTruthFile(percent);
        if (!Files.exists(file)) {
            long start = System.nanoTime();
            int[][] truth = GroundTruth.compute(base, queries, Math.min(TRUTH_K, base.length * percent / 100), row -> row % 100 < percent);
            Log.info(String.format("exact filtered (%d%%) ground truth in %.1f s", percent, (System.nanoTime() - start) / 1e9));
            VecFiles.writeInts(file, truth);
        }
        return VecFiles.readInts(file);
    }

    private static boolean complete(Path dir) {
        return Files.exists(dir.resolve("base.fvecs")) && Files.exists(dir.resolve("queries.fvecs")) && Files.exists(dir.resolve("truth.ivecs"));
    }

    private static void write(Path dir, float[][] base, float[][] queries) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        VecFiles.writeFloats(dir.resolve("base.fvecs"), base);
        VecFiles.writeFloats(dir.resolve("queries.fvecs"), queries);
        long start = System.nanoTime();
        int[][] truth = GroundTruth.compute(base, queries, Math.min(TRUTH_K, base.length));
        Log.info(String.format("exact ground truth of %d queries in %.1f s", queries.length, (System.nanoTime() - start) / 1e9));
        VecFiles.writeInts(dir.resolve("truth.ivecs"), truth);
    }

    private static DataSet load(String name, Path dir) throws IOException {
        return new DataSet(name, dir, VecFiles.readFloats(dir.resolve("base.fvecs")),
                VecFiles.readFloats(dir.resolve("queries.fvecs")), VecFiles.readInts(dir.resolve("truth.ivecs")));
    }
}
