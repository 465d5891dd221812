package dev.vectorizer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Domain values refuse to be built invalid. */
class ValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "-docs", "a b", "../x", "a/b", "a:b", "é"})
    void collectionNamesAreSafeTokens(String name) {
        assertThatThrownBy(() -> new CollectionName(name)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void storageKeysOfDifferentRefsNeverCollide() {
        var a = new CollectionRef(new TenantId("acme"), new CollectionName("docs"));
        var b = new CollectionRef(new TenantId("acme-docs"), new CollectionName("x"));
        assertThat(a.storageKey()).isEqualTo("acme:docs").isNotEqualTo(b.storageKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "a\nb", "ab\t", "\u007fz", "x\u0085"})
    void vectorIdsRefuseControlCharactersAnywhere(String id) {
        assertThatThrownBy(() -> new VectorId(id)).isInstanceOf(InvalidValueException.class).hasMessageContaining("control characters");
    }

    @Test
    void vectorIdsKeepEveryPrintableCharacter() {
        assertThat(new VectorId("a b/ü€😀~").value()).isEqualTo("a b/ü€😀~");
    }

    @Test
    void vectorsMustBeFiniteAndNonEmpty() {
        VectorId id = new VectorId("v");
        assertThatThrownBy(() -> new Vector(id, new float[0], Payload.EMPTY)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Vector(id, new float[] {1, Float.NaN}, Payload.EMPTY)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Vector(id, new float[] {Float.POSITIVE_INFINITY}, Payload.EMPTY)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void cosineNeedsADirectionAndAcceptsAnyNonZeroLength() {
        assertThatThrownBy(() -> Metric.COSINE.requireComparable(new float[] {0, 0, 0}, "vector 'z'"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("vector 'z' is a zero vector");
        // what 1e-999999999 parses to
        assertThatThrownBy(() -> Metric.COSINE.requireComparable(new float[] {(float) 1e-50, -0.0f}, "v"))
                .isInstanceOf(InvalidValueException.class);
        Metric.COSINE.requireComparable(new float[] {1e-30f, 1e-30f, 0, 0}, "tiny");
        Metric.COSINE.requireComparable(new float[] {Float.MIN_VALUE, 0}, "subnormal");
        Metric.COSINE.requireComparable(new float[] {3e38f, 3e38f, -3e38f}, "huge");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EUCLIDEAN", "DOT_PRODUCT"})
    void dotProductAndEuclideanNeedALengthWhoseScoresStayFinite(String name) {
        Metric metric = Metric.valueOf(name);
        assertThatThrownBy(() -> metric.requireComparable(new float[] {3e38f, 0, 0, 0}, "vector 'big'"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("vector 'big' is longer than");
        assertThatThrownBy(() -> metric.requireComparable(new float[] {8e14f, 8e14f}, "v")).isInstanceOf(InvalidValueException.class);
        metric.requireComparable(new float[] {7e14f, 7e14f}, "v");
        metric.requireComparable(new float[] {0, 0}, "zero");
        metric.requireComparable(new float[] {1e-30f, 1e-30f}, "tiny");
    }

    @Test
    void aCollectionComparesOnlyVectorsOfItsDimensionThatItsMetricCanScore() {
        Collection cosine = new Collection(new CollectionRef(new TenantId("acme"), new CollectionName("docs")),
                new CollectionSpec(2, Metric.COSINE, HnswSettings.DEFAULT, Quantization.INT8, Optional.empty()), java.time.Instant.EPOCH, Incarnation.random());
        assertThatThrownBy(() -> cosine.requireComparable(new float[] {1, 2, 3}, "query vector"))
                .hasMessageContaining("query vector has dimension 3, collection 'docs' expects 2");
        assertThatThrownBy(() -> cosine.requireComparable(new float[] {0, 0}, "query vector")).hasMessageContaining("zero vector");
        cosine.requireComparable(new float[] {1, -1}, "query vector");
    }

    @Test
    void incarnationsAreRandomNonNegativeAndNeverTheLegacyOne() {
        for (int i = 0; i < 1000; i++) {
            Incarnation incarnation = Incarnation.random();
            assertThat(incarnation.isLegacy()).isFalse();
            assertThat(incarnation.toString()).matches("[0-9a-f]{16}");
        }
        assertThat(Incarnation.LEGACY.isLegacy()).isTrue();
        assertThatThrownBy(() -> new Incarnation(-1)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void collectionSpecBounds() {
        assertThatThrownBy(() -> new CollectionSpec(0, Metric.COSINE, HnswSettings.DEFAULT, Quantization.NONE, Optional.empty()))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new CollectionSpec(4097, Metric.COSINE, HnswSettings.DEFAULT, Quantization.NONE, Optional.empty()))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Metric.parse("manhattan")).hasMessageContaining("cosine, euclidean, dot_product");
    }

    @Test
    void payloadIsAnImmutableJsonTree() {
        Map<String, Object> source = new HashMap<>();
        source.put("n", 3);
        source.put("nested", Map.of("list", List.of(1.5, "x")));
        source.put("nothing", null);
        Payload payload = new Payload(source);
        source.put("n", 4);

        assertThat(payload.get("n")).contains(3L);
        assertThat(payload.get("nested.list")).contains(List.of(1.5, "x"));
        assertThat(payload.fields()).containsKey("nothing");
        assertThatThrownBy(() -> payload.fields().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new Payload(Map.of("bad", Double.NaN))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Payload(Map.of("bad", new Object()))).isInstanceOf(InvalidValueException.class);
    }
}
