package dev.vectorizer.domain.json;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.Vector;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Filter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Vectors in JSON: {@code {"id":"a","vector":[..],"payload":{..}}}, batches of them, deletions. */
public final class VectorJson {

    /** What a deletion names: ids ({@code {"ids":[..]}}) or a filter ({@code {"filter":{..}}}). */
    public sealed interface Deletion {
        record ById(List<VectorId> ids) implements Deletion {
        }

        record ByFilter(Filter filter) implements Deletion {
        }
    }

    private VectorJson() {
    }

    /** The vectors of an upsert, {@code {"vectors":[{"id":..,"vector":..,"payload":..}, ..]}}. */
    public static List<Vector> batch(JsonFields request) {
        List<JsonFields> items = request.objects("vectors");
        List<Vector> vectors = new ArrayList<>(items.size());
        for (JsonFields item : items) {
            vectors.add(vector(new VectorId(item.string("id")), item));
        }
        return vectors;
    }

    /** The vector {@code id} from {@code {"vector":[..],"payload":{..}}} (the id given elsewhere, e.g. in a path). */
    public static Vector vector(VectorId id, JsonFields json) {
        return new Vector(id, json.vector("vector"), PayloadJson.optional(json));
    }

    public static Deletion deletion(JsonFields request) {
        InvalidValueException.require(request.has("ids") ^ request.has("filter"), "give either 'ids' or 'filter'");
        return request.has("filter")
                ? new Deletion.ByFilter(FilterJson.read(request.required("filter"), request.path("filter")))
                : new Deletion.ById(request.strings("ids").stream().map(VectorId::new).toList());
    }

    /** {@code {"id","vector","payload"}}. */
    public static Map<String, Object> write(Vector vector) {
        return write(vector, true);
    }

    /** {@code {"id","vector","payload"}}, without {@code vector} unless {@code withVector}. */
    public static Map<String, Object> write(Vector vector, boolean withVector) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", vector.id().value());
        if (withVector) {
            json.put("vector", vector.values());
        }
        json.put("payload", PayloadJson.write(vector.payload()));
        return json;
    }

    public static Map<String, Object> upserted(int count) {
        return Map.of("upserted", count);
    }

    public static Map<String, Object> deleted(long count) {
        return Map.of("deleted", count);
    }
}
