package dev.vectorizer.adapter.storage.index;

import static dev.vectorizer.adapter.storage.index.Fixtures.collection;
import static dev.vectorizer.adapter.storage.index.Fixtures.ids;
import static dev.vectorizer.adapter.storage.index.Fixtures.scrollAll;
import static dev.vectorizer.adapter.storage.index.Fixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.search.Condition;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.GeoRadius;
import dev.vectorizer.domain.search.Match;
import dev.vectorizer.domain.search.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Lucene filter translation selects exactly what the domain's reference {@code matches} selects. */
class LuceneFilterTest extends IndexInTempDir {

    private static final String[] COLORS = {"red", "green", "blue", "true", "5"};

    final Random random = new Random(20261129);
    final List<Vector> vectors = new ArrayList<>();

    @BeforeEach
    void open() {
        openWithoutBackgroundCommits();
        for (int i = 0; i < 400; i++) {
            vectors.add(vector(String.format("v%04d", i), Fixtures.random(random, 4), randomPayload()));
        }
    }

    private Collection load(String name) {
        Collection c = collection(name, 4);
        index.create(c);
        for (int from = 0; from < vectors.size(); from += 100) {
            index.upsert(c, vectors.subList(from, from + 100));
        }
        return c;
    }

    private Object number() {
        return switch (random.nextInt(5)) {
            case 0 -> (long) random.nextInt(10);
            case 1 -> random.nextInt(10) + 0.5;
            case 2 -> (double) random.nextInt(10); // 5.0 must equal a match on 5
            case 3 -> random.nextBoolean() ? -0.0 : 0.0;
            default -> (long) random.nextInt(10) - 5;
        };
    }

    private Object scalar() {
        return switch (random.nextInt(4)) {
            case 0 -> COLORS[random.nextInt(COLORS.length)];
            case 1 -> random.nextBoolean();
            default -> number();
        };
    }

    private Map<String, Object> point() {
        return Map.of("lat", 48 + random.nextDouble() * 2, "lon", 11 + random.nextDouble() * 2);
    }

    private Payload randomPayload() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (random.nextInt(10) > 0) {
            p.put("color", random.nextInt(4) == 0 ? List.of(scalar(), scalar()) : scalar());
        }
        if (random.nextInt(10) > 1) {
            p.put("n", random.nextInt(4) == 0 ? List.of(number(), number(), scalar()) : number());
        }
        if (random.nextBoolean()) {
            p.put("flag", random.nextInt(5) == 0 ? "true" : random.nextBoolean());
        }
        if (random.nextBoolean()) {
            p.put("tags", List.of(COLORS[random.nextInt(3)], COLORS[random.nextInt(5)]));
        }
        if (random.nextBoolean()) {
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put("a", number());
            if (random.nextBoolean()) {
                inner.put("b", Map.of("c", COLORS[random.nextInt(3)]));
            }
            p.put("nested", inner);
        }
        if (random.nextInt(3) > 0) {
            p.put("loc", random.nextInt(4) == 0 ? List.of(point(), point()) : point());
        }
        if (random.nextInt(8) == 0) {
            p.put("objs", List.of(Map.of("a", 1L), List.of(1L, 2L))); // not walked, as the reference
        }
        if (random.nextInt(8) == 0) {
            p.put("nil", null);
        }
        return new Payload(p);
    }

    private Condition randomCondition(int depth) {
        int kind = random.nextInt(depth < 2 ? 10 : 8);
        return switch (kind) {
            case 0 -> new Match(random.nextBoolean() ? "color" : "tags", COLORS[random.nextInt(COLORS.length)]);
            case 1 -> new Match(random.nextBoolean() ? "n" : "nested.a", random.nextBoolean() ? (Object) (long) (random.nextInt(12) - 6)
                    : (Object) (random.nextInt(10) + (random.nextBoolean() ? 0.5 : 0.0)));
            case 2 -> new Match(random.nextBoolean() ? "flag" : "color", random.nextBoolean());
            case 3 -> new Match("nested.b.c", COLORS[random.nextInt(3)]);
            case 4, 5 -> randomRange(random.nextBoolean() ? "n" : "nested.a");
            case 6 -> new GeoRadius(random.nextBoolean() ? "loc" : "nested", 49, 12, 20_000 + random.nextDouble() * 100_000);
            case 7 -> random.nextBoolean() ? new Match("objs.a", 1L) : new Match("color", "5");
            default -> randomFilter(depth + 1);
        };
    }

    private Range randomRange(String key) {
        Double[] bounds = new Double[4];
        do {
            for (int i = 0; i < 4; i++) {
                bounds[i] = random.nextInt(3) == 0 ? (double) (random.nextInt(12) - 6) + (random.nextBoolean() ? 0.5 : 0) : null;
            }
            if (random.nextInt(6) == 0) {
                bounds[random.nextInt(4)] = -0.0;
            }
        } while (bounds[0] == null && bounds[1] == null && bounds[2] == null && bounds[3] == null);
        return new Range(key, bounds[0], bounds[1], bounds[2], bounds[3]);
    }

    private Filter randomFilter(int depth) {
        while (true) {
            List<Condition> must = conditions(depth);
            List<Condition> should = conditions(depth);
            List<Condition> mustNot = conditions(depth);
            if (!must.isEmpty() || !should.isEmpty() || !mustNot.isEmpty()) {
                return new Filter(must, should, mustNot);
            }
        }
    }

    private List<Condition> conditions(int depth) {
        List<Condition> list = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            list.add(randomCondition(depth));
        }
        return list;
    }

    private List<String> bruteForce(Filter filter) {
        return vectors.stream().filter(v -> filter.matches(v.payload())).map(v -> v.id().value()).toList();
    }

    private List<Filter> filters() {
        List<Filter> filters = new ArrayList<>(List.of(
                new Filter(List.of(new Match("n", 5L)), null, null),
                new Filter(List.of(new Match("n", 5.0)), null, null),
                new Filter(List.of(new Match("n", 0L)), null, null),
                new Filter(List.of(new Match("n", -0.0)), null, null),
                new Filter(List.of(new Match("color", "true")), null, null),
                new Filter(List.of(new Match("color", true)), null, null),
                new Filter(List.of(new Match("color", 5L)), null, null),
                new Filter(null, null, List.of(new Match("color", "red"))),
                new Filter(null, List.of(new Match("tags", "red"), new Range("n", 2.0, null, null, 4.0)), null),
                new Filter(List.of(new Range("n", null, null, 0.0, null)), null, null),
                new Filter(List.of(new Range("n", 0.0, null, null, null)), null, null),
                new Filter(List.of(new Range("n", null, 0.0, null, 0.0)), null, null),
                new Filter(List.of(new Range("n", 3.0, null, 3.0, null)), null, null),
                new Filter(List.of(new GeoRadius("loc", 49, 12, 50_000)), null, null),
                new Filter(List.of(new Match("nested.b.c", "green")), null, List.of(new Range("nested.a", null, 2.0, null, null))),
                new Filter(List.of(new Filter(null, null, List.of(new Match("flag", true)))), null, null)));
        for (int i = 0; i < 150; i++) {
            filters.add(randomFilter(0));
        }
        return filters;
    }

    @Test
    void filteredScrollReturnsExactlyTheReferenceMatches() {
        Collection c = load("c");
        int nonTrivial = 0;
        for (Filter filter : filters()) {
            List<String> expected = bruteForce(filter);
            if (!expected.isEmpty() && expected.size() < vectors.size()) {
                nonTrivial++;
            }
            assertThat(ids(scrollAll(index, c, Optional.of(filter), 1000))).as("%s", filter).containsExactlyElementsOf(expected);
        }
        assertThat(nonTrivial).isGreaterThan(80);
        // paging with a filter
        Filter some = new Filter(null, null, List.of(new Match("color", "red")));
        assertThat(ids(scrollAll(index, c, Optional.of(some), 13))).containsExactlyElementsOf(bruteForce(some));
    }

    @Test
    void deleteMatchingDeletesExactlyTheReferenceMatches() {
        Collection c = load("c");
        List<String> remaining = new ArrayList<>(ids(vectors));
        for (int i = 0; i < 6; i++) {
            Filter filter = randomFilter(0);
            List<String> matching = vectors.stream()
                    .filter(v -> remaining.contains(v.id().value()) && filter.matches(v.payload())).map(v -> v.id().value()).toList();
            assertThat(-index.deleteMatching(c, filter).vectors()).as("%s", filter).isEqualTo(matching.size());
            remaining.removeAll(matching);
            assertThat(ids(scrollAll(index, c, Optional.empty(), 1000))).containsExactlyElementsOf(remaining);
        }
        assertThat(index.stats(c).vectorCount()).isEqualTo(remaining.size());
    }
}
