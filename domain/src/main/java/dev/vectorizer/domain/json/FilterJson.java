package dev.vectorizer.domain.json;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.search.Condition;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.GeoRadius;
import dev.vectorizer.domain.search.Match;
import dev.vectorizer.domain.search.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Qdrant-style filters: {@code {"must":[..],"should":[..],"must_not":[..]}} whose clauses
 * are conditions — {@code {"key":k,"match":v}} (or {@code "match":{"value":v}}),
 * {@code {"key":k,"range":{"gte":..}}}, {@code {"key":k,"geo_radius":{"lat":..,"lon":..,"meters":..}}}
 * — or nested filters. A clause is exactly one of these: a condition with two kinds, or a key
 * beside {@code must}, is refused rather than half read.
 */
public final class FilterJson {

    private static final List<String> CONDITIONS = List.of("match", "range", "geo_radius");
    private static final List<String> BRANCHES = List.of("must", "should", "must_not");

    private FilterJson() {
    }

    /** The filter at {@code name}. */
    public static Filter read(Object value, String name) {
        return filter(JsonFields.of(value, name), new int[] {0});
    }

    /** The optional {@code filter} field of a request. */
    public static Optional<Filter> optional(JsonFields request) {
        return request.value("filter").map(f -> read(f, request.path("filter")));
    }

    private static Filter filter(JsonFields json, int[] clauses) {
        return new Filter(clauses(json, "must", clauses), clauses(json, "should", clauses), clauses(json, "must_not", clauses));
    }

    private static List<Condition> clauses(JsonFields json, String branch, int[] clauses) {
        if (!json.has(branch)) {
            return List.of();
        }
        List<JsonFields> items = json.objects(branch);
        Filter.requireClauses(clauses[0] += items.size()); // before building any of them
        List<Condition> out = new ArrayList<>(items.size());
        for (JsonFields clause : items) {
            boolean condition = clause.has("key") || CONDITIONS.stream().anyMatch(clause::has);
            out.add(condition ? condition(clause) : filter(clause, clauses));
        }
        return out;
    }

    private static Condition condition(JsonFields clause) {
        List<String> kinds = CONDITIONS.stream().filter(clause::has).toList();
        InvalidValueException.require(kinds.size() == 1, "'" + clause.path() + "' needs exactly one of match, range or geo_radius"
                + (kinds.isEmpty() ? "" : ", not " + String.join(" and ", kinds)));
        InvalidValueException.require(BRANCHES.stream().noneMatch(clause::has),
                "'" + clause.path() + "' is a condition and cannot also have must, should or must_not");
        String key = clause.string("key");
        return switch (kinds.getFirst()) {
            case "match" -> new Match(key, matchValue(clause));
            case "range" -> {
                JsonFields range = clause.object("range");
                yield new Range(key, range.number("gt").orElse(null), range.number("gte").orElse(null),
                        range.number("lt").orElse(null), range.number("lte").orElse(null));
            }
            default -> {
                JsonFields geo = clause.object("geo_radius");
                yield new GeoRadius(key, required(geo, "lat"), required(geo, "lon"), required(geo, "meters"));
            }
        };
    }

    private static Object matchValue(JsonFields clause) {
        Object match = clause.required("match");
        if (match instanceof Map<?, ?> object && object.get("value") != null) {
            match = object.get("value"); // Qdrant's {"match": {"value": ..}}
        }
        InvalidValueException.require(match instanceof String || match instanceof Number || match instanceof Boolean,
                "'" + clause.path("match") + "' must be a string, number or boolean");
        return match;
    }

    private static double required(JsonFields json, String field) {
        return json.number(field).orElseThrow(() -> new InvalidValueException("'" + json.path(field) + "' is required"));
    }
}
