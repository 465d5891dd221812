package dev.vectorizer.adapter.rest.json;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.search.Condition;
import dev.vectorizer.domain.search.Filter;
import dev.vectorizer.domain.search.GeoRadius;
import dev.vectorizer.domain.search.Match;
import dev.vectorizer.domain.search.Range;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Qdrant-style filters: {@code {"must":[..],"should":[..],"must_not":[..]}} whose clauses
 * are {@code {"key":k,"match":v}}, {@code {"key":k,"range":{"gte":..}}},
 * {@code {"key":k,"geo_radius":{"lat":..,"lon":..,"meters":..}}} or a nested filter.
 */
public final class FilterJson {

    static final int MAX_DEPTH = 8;
    static final int MAX_CLAUSES = 256;

    private FilterJson() {
    }

    public static Filter fromJson(JsonValue value) {
        return filter(JsonFields.of(value, "filter"), "filter", 1, new int[] {0});
    }

    private static Filter filter(JsonFields json, String path, int depth, int[] clauses) {
        InvalidValueException.require(depth <= MAX_DEPTH, "filters nest at most " + MAX_DEPTH + " levels deep");
        return new Filter(clauses(json, "must", path, depth, clauses), clauses(json, "should", path, depth, clauses),
                clauses(json, "must_not", path, depth, clauses));
    }

    private static List<Condition> clauses(JsonFields json, String field, String path, int depth, int[] clauses) {
        if (!json.has(field)) {
            return List.of();
        }
        JsonArray items = json.array(field);
        List<Condition> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            InvalidValueException.require(++clauses[0] <= MAX_CLAUSES, "a filter has at most " + MAX_CLAUSES + " clauses");
            String where = path + "." + field + "[" + i + "]";
            JsonFields clause = JsonFields.of(items.get(i), where);
            out.add(clause.has("key") ? condition(clause, where) : filter(clause, where, depth + 1, clauses));
        }
        return out;
    }

    private static Condition condition(JsonFields clause, String where) {
        String key = clause.string("key");
        if (clause.has("match")) {
            JsonValue match = clause.required("match");
            if (match instanceof JsonObject object && object.containsKey("value")) {
                match = object.get("value"); // Qdrant's {"match": {"value": ..}}
            }
            return new Match(key, switch (match) {
                case JsonString s -> s.getString();
                case JsonNumber n -> n.isIntegral() ? (Object) n.longValue() : (Object) n.doubleValue();
                default -> {
                    InvalidValueException.require(match == JsonValue.TRUE || match == JsonValue.FALSE,
                            "'" + where + ".match' must be a string, number or boolean");
                    yield match == JsonValue.TRUE;
                }
            });
        }
        if (clause.has("range")) {
            JsonFields range = JsonFields.of(clause.required("range"), where + ".range");
            return new Range(key, range.number("gt").orElse(null), range.number("gte").orElse(null),
                    range.number("lt").orElse(null), range.number("lte").orElse(null));
        }
        if (clause.has("geo_radius")) {
            JsonFields geo = JsonFields.of(clause.required("geo_radius"), where + ".geo_radius");
            return new GeoRadius(key, required(geo, "lat", where), required(geo, "lon", where), required(geo, "meters", where));
        }
        throw new InvalidValueException("'" + where + "' needs one of match, range or geo_radius");
    }

    private static double required(JsonFields json, String field, String where) {
        return json.number(field).orElseThrow(() -> new InvalidValueException("'" + where + ".geo_radius." + field + "' is required"));
    }
}
