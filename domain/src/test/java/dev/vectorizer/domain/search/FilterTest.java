package dev.vectorizer.domain.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.Payload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterTest {

    private final Payload shirt = new Payload(Map.of(
            "color", "red", "price", 5L, "tags", List.of("sale", "summer"), "in_stock", true,
            "shop", Map.of("city", "Lisbon", "loc", Map.of("lat", 38.7223, "lon", -9.1393))));

    @Test
    void matchComparesKeywordsBooleansAndNumbersNumerically() {
        assertThat(new Match("color", "red").matches(shirt)).isTrue();
        assertThat(new Match("color", "Red").matches(shirt)).isFalse();
        assertThat(new Match("in_stock", true).matches(shirt)).isTrue();
        assertThat(new Match("price", 5.0).matches(shirt)).isTrue();
        assertThat(new Match("shop.city", "Lisbon").matches(shirt)).isTrue();
        assertThat(new Match("missing", "x").matches(shirt)).isFalse();
    }

    @Test
    void anArrayFieldMatchesIfAnyElementDoes() {
        assertThat(new Match("tags", "summer").matches(shirt)).isTrue();
        assertThat(new Match("tags", "winter").matches(shirt)).isFalse();
    }

    @Test
    void rangeBoundsAreExact() {
        assertThat(new Range("price", null, 5.0, null, null).matches(shirt)).isTrue();
        assertThat(new Range("price", 5.0, null, null, null).matches(shirt)).isFalse();
        assertThat(new Range("price", null, null, 5.0, null).matches(shirt)).isFalse();
        assertThat(new Range("price", null, null, null, 5.0).matches(shirt)).isTrue();
        assertThat(new Range("color", 0.0, null, null, null).matches(shirt)).as("not a number").isFalse();
    }

    @Test
    void geoRadiusUsesGreatCircleDistance() {
        // Lisbon to Porto is about 274 km.
        assertThat(new GeoRadius("shop.loc", 41.1579, -8.6291, 280_000).matches(shirt)).isTrue();
        assertThat(new GeoRadius("shop.loc", 41.1579, -8.6291, 270_000).matches(shirt)).isFalse();
    }

    @Test
    void booleanStructure() {
        Condition red = new Match("color", "red");
        Condition blue = new Match("color", "blue");
        Condition cheap = new Range("price", null, null, 10.0, null);
        assertThat(new Filter(List.of(red, cheap), null, null).matches(shirt)).isTrue();
        assertThat(new Filter(null, List.of(blue, cheap), null).matches(shirt)).isTrue();
        assertThat(new Filter(null, List.of(blue), null).matches(shirt)).isFalse();
        assertThat(new Filter(null, null, List.of(red)).matches(shirt)).isFalse();
        assertThat(new Filter(List.of(new Filter(null, List.of(blue, red), null)), null, List.of(blue)).matches(shirt)).isTrue();
    }

    @Test
    void invalidFiltersCannotBeBuilt() {
        assertThatThrownBy(() -> new Filter(null, null, null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Range("price", null, null, null, null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Match("bad key", "x")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Match("k", List.of())).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new GeoRadius("loc", 95, 0, 10)).isInstanceOf(InvalidValueException.class);
    }
}
