package dev.vectorizer.domain.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.search.Condition;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.GeoRadius;
import dev.vectorizer.domain.search.Match;
import dev.vectorizer.domain.search.Range;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterJsonTest {

    private static Filter read(String json) {
        return FilterJson.read(Json.parse(json), "filter");
    }

    @Test
    void readsEveryClauseKind() {
        Filter filter = read("""
                {"must":[{"key":"color","match":"red"},{"key":"n","match":{"value":3}}],
                 "should":[{"key":"price","range":{"gte":1,"lt":9.5}}],
                 "must_not":[{"key":"loc","geo_radius":{"lat":38.7,"lon":-9.1,"meters":500}},{"must":[{"key":"x","match":true}]}]}""");
        assertThat(filter.must()).containsExactly(new Match("color", "red"), new Match("n", 3L));
        assertThat(filter.should()).containsExactly(new Range("price", null, 1.0, 9.5, null));
        assertThat(filter.mustNot()).containsExactly(new GeoRadius("loc", 38.7, -9.1, 500),
                new Filter(List.of(new Match("x", true)), null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"must\":[{\"key\":\"a\",\"match\":1,\"range\":{\"gt\":0}}]}",
        "{\"must\":[{\"key\":\"a\",\"range\":{\"gt\":0},\"geo_radius\":{\"lat\":0,\"lon\":0,\"meters\":1}}]}",
        "{\"must\":[{\"key\":\"a\",\"match\":1,\"must\":[{\"key\":\"b\",\"match\":2}]}]}",
        "{\"must\":[{\"key\":\"a\"}]}",
        "{\"must\":[{\"match\":1}]}",
        "{\"must\":[{\"range\":{\"gt\":1},\"must\":[{\"key\":\"b\",\"match\":2}]}]}",
        "{\"must\":[{\"key\":\"a\",\"match\":[1]}]}",
        "{\"must\":[{\"key\":\"a\",\"match\":{\"any\":[1]}}]}",
        "{\"must\":{\"key\":\"a\",\"match\":1}}",
        "{\"must\":[1]}",
        "{}"})
    void aClauseIsExactlyOneThing(String json) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void refusalsNameTheClause() {
        assertThatThrownBy(() -> read("{\"should\":[{\"key\":\"a\",\"match\":\"x\"},{\"key\":\"b\",\"match\":1,\"range\":{\"gt\":0}}]}"))
                .hasMessage("'filter.should[1]' needs exactly one of match, range or geo_radius, not match and range");
        assertThatThrownBy(() -> read("{\"must\":[{\"match\":1}]}")).hasMessage("'filter.must[0].key' is required");
    }

    @Test
    void depthAndClausesAreBounded() {
        assertThat(read(nested(Filter.MAX_DEPTH)).must()).hasSize(1);
        assertThatThrownBy(() -> read(nested(Filter.MAX_DEPTH + 1))).hasMessage("filters nest at most 8 levels deep");
        String clause = "{\"key\":\"a\",\"match\":1}";
        assertThat(read("{\"must\":[" + (clause + ",").repeat(Filter.MAX_CLAUSES - 1) + clause + "]}").must()).hasSize(256);
        assertThatThrownBy(() -> read("{\"must\":[" + (clause + ",").repeat(Filter.MAX_CLAUSES) + clause + "]}"))
                .hasMessage("a filter has at most 256 clauses");
        assertThatThrownBy(() -> read("{\"must\":[" + (clause + ",").repeat(200) + clause + "],\"should\":[{\"must\":["
                + (clause + ",").repeat(60) + clause + "]}]}")).as("nested clauses count").hasMessage("a filter has at most 256 clauses");
    }

    @Test
    void theFilterItselfHoldsTheBounds() {
        Filter filter = new Filter(List.of(new Match("a", 1L)), null, null);
        for (int level = 2; level <= Filter.MAX_DEPTH; level++) {
            filter = new Filter(List.of(filter), null, null);
        }
        Filter deepest = filter;
        assertThatThrownBy(() -> new Filter(List.of(deepest), null, null)).hasMessage("filters nest at most 8 levels deep");
        List<Condition> many = Collections.nCopies(Filter.MAX_CLAUSES + 1, new Match("a", 1L));
        assertThatThrownBy(() -> new Filter(many, null, null)).hasMessage("a filter has at most 256 clauses");
    }

    /** A filter of {@code levels} levels: each but the innermost holds the next one. */
    private static String nested(int levels) {
        String inner = "{\"must\":[{\"key\":\"a\",\"match\":1}]}";
        for (int i = 1; i < levels; i++) {
            inner = "{\"must\":[" + inner + "]}";
        }
        return inner;
    }
}
