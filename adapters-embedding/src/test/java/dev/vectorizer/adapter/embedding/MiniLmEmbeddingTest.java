package dev.vectorizer.adapter.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vectorizer.domain.InvalidValueException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real model (shipped in the langchain4j jar), under the project's JVM flags. */
class MiniLmEmbeddingTest {

    private static MiniLmEmbedding embedding;

    @BeforeAll
    static void load() {
        embedding = new MiniLmEmbedding();
        long start = System.nanoTime();
        embedding.embed(List.of("warm up"));
        System.out.printf("all-minilm-l6-v2: first call (model load) took %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    static void close() {
        embedding.close();
    }

    @Test
    void describesTheModel() {
        assertThat(embedding.model()).isEqualTo("all-minilm-l6-v2");
        assertThat(embedding.dimension()).isEqualTo(384);
    }

    @Test
    void vectorsHaveTheDimensionAndUnitLength() {
        List<float[]> vectors = embedding.embed(List.of("Hello world", "Vector databases store embeddings.", "Größe, 日本語, \uD83D\uDE00"));
        assertThat(vectors).hasSize(3);
        for (float[] vector : vectors) {
            assertThat(vector).hasSize(384);
            assertThat(norm(vector)).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void langchain4jAlreadyNormalises() {
        float[] raw = new dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel()
                .embed("The model normalises on its own").content().vector();
        assertThat(norm(raw)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void isDeterministic() {
        float[] first = embedding.embed(List.of("The same text twice")).getFirst();
        float[] second = embedding.embed(List.of("The same text twice")).getFirst();
        assertThat(second).containsExactly(first, within(1e-6f));
    }

    @Test
    void similarMeaningsAreCloser() {
        List<float[]> v = embedding.embed(List.of(
                "The cat sits on the mat", "A kitten is sitting on a rug", "Quarterly revenue grew by 12 percent"));
        double similar = dot(v.get(0), v.get(1));
        double unrelated = dot(v.get(0), v.get(2));
        System.out.printf("cosine(cat, kitten) = %.3f, cosine(cat, revenue) = %.3f%n", similar, unrelated);
        assertThat(similar).isGreaterThan(unrelated + 0.2);
    }

    @Test
    void aBatchEqualsSingleCallsInOrder() {
        List<String> texts = IntStream.range(0, 20)
                .mapToObj(i -> "Sentence number " + i + " talks about topic " + (i % 4) + " in some detail.")
                .toList();

        List<float[]> batch = embedding.embed(texts); // also starts the pool's threads
        List<float[]> singles = new ArrayList<>();
        for (String text : texts) {
            singles.add(embedding.embed(List.of(text)).getFirst());
        }
        // Measured, never asserted: timings depend on the machine and its load.
        long batchNanos = Long.MAX_VALUE;
        long singleNanos = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            embedding.embed(texts);
            batchNanos = Math.min(batchNanos, System.nanoTime() - start);
            start = System.nanoTime();
            for (String text : texts) {
                embedding.embed(List.of(text));
            }
            singleNanos = Math.min(singleNanos, System.nanoTime() - start);
        }
        System.out.printf("20 texts, best of 3: one batch %.1f ms, 20 single calls %.1f ms (%d cores)%n",
                batchNanos / 1e6, singleNanos / 1e6, Runtime.getRuntime().availableProcessors());

        assertThat(batch).hasSize(20);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(batch.get(i)).as("text %d", i).containsExactly(singles.get(i), within(1e-5f));
        }
    }

    @Test
    void aTextLongerThanTheModelWindowStillGivesOneUnitVector() {
        String longText = "Embeddings of long documents are averaged over windows of tokens. ".repeat(80);
        float[] vector = embedding.embed(List.of(longText)).getFirst();
        assertThat(vector).hasSize(384);
        assertThat(norm(vector)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void concurrentCallersGetTheSameResults() throws Exception {
        List<String> texts = List.of("alpha beta", "gamma delta", "epsilon zeta", "eta theta");
        List<float[]> expected = embedding.embed(texts);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<float[]>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(callers.submit(() -> embedding.embed(texts)));
            }
            for (Future<List<float[]>> result : results) {
                List<float[]> actual = result.get();
                for (int i = 0; i < texts.size(); i++) {
                    assertThat(actual.get(i)).containsExactly(expected.get(i), within(1e-5f));
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void emptyListGivesEmptyList() {
        assertThat(embedding.embed(List.of())).isEmpty();
        assertThat(new MiniLmEmbedding().embed(List.of())).isEmpty(); // without loading the model
    }

    @Test
    void rejectsMissingOrBlankTexts() {
        assertThatThrownBy(() -> embedding.embed(null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> embedding.embed(Arrays.asList("fine", null))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("text 1");
        assertThatThrownBy(() -> embedding.embed(List.of("fine", " \n\t"))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("text 1");
        assertThatThrownBy(() -> embedding.embed(List.of(""))).isInstanceOf(InvalidValueException.class);
        for (String unreadable : List.of("\u202e", "\u0301\u0302", "\ue000", "\ufffd", "\ud800")) {
            assertThatThrownBy(() -> embedding.embed(List.of("fine", unreadable))).as("nothing the model reads")
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("text 1");
        }
        assertThat(embedding.embed(List.of("a\u202e", "e\u0301"))).hasSize(2);
    }

    @Test
    void aClosedAdapterRefusesWork() {
        MiniLmEmbedding other = new MiniLmEmbedding();
        assertThat(other.embed(List.of("loads the shared model quickly"))).hasSize(1);
        other.close();
        assertThatThrownBy(() -> other.embed(List.of("too late"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void runsWithTheVectorIncubatorModule() {
        // surefire passes --add-modules jdk.incubator.vector, as the server does
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
        assertThat(embedding.embed(List.of("still works"))).hasSize(1);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    private static double norm(float[] v) {
        return Math.sqrt(dot(v, v));
    }
}
