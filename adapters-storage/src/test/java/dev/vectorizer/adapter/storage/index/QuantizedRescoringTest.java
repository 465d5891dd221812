package dev.vectorizer.adapter.storage.index;

import static dev.vectorizer.adapter.storage.index.Fixtures.collection;
import static dev.vectorizer.adapter.storage.index.Fixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Quantization;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.VectorQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A quantized collection answers with full-precision scores: the graph walks the quantized vectors,
 * then every candidate is rescored with its float32 values, so a hit's score is the exact cosine
 * (a quantized score is off by about 1 %) and the nearest vector comes first.
 */
class QuantizedRescoringTest extends IndexInTempDir {

    @BeforeEach
    void open() {
        openWithoutBackgroundCommits();
    }

    @ParameterizedTest
    @EnumSource(value = Quantization.class, names = {"INT8", "INT4", "BINARY"})
    void hitsCarryExactCosineScores(Quantization quantization) {
        Collection c = collection("t1", "rescored-" + quantization.wireName(), 32, Metric.COSINE, quantization);
        index.create(c);
        Random random = new Random(17);
        List<Vector> vectors = new ArrayList<>();
        Map<String, float[]> byId = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            Vector v = vector("v" + i, Fixtures.random(random, 32), Payload.EMPTY);
            vectors.add(v);
            byId.put(v.id().value(), v.values());
        }
        index.upsert(c, vectors);
        for (Vector query : vectors.subList(0, 40)) {
            List<ScoredPoint> hits = index.search(c, new VectorQuery(query.values(), 5, 64, Optional.empty(), false, false));
            assertThat(hits.getFirst().id()).isEqualTo(query.id());
            for (ScoredPoint hit : hits) {
                // cosine similarity as the API reports it: the cosine itself
                assertThat((double) hit.score()).as("%s near %s", hit.id(), query.id())
                        .isCloseTo(Fixtures.exactScore(Metric.COSINE, query.values(), byId.get(hit.id().value())), within(1e-5));
            }
        }
    }
}
