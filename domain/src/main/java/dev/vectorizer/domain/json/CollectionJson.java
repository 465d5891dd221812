package dev.vectorizer.domain.json;

import dev.vectorizer.domain.Collection;
import dev.vectorizer.domain.CollectionInfo;
import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.CollectionSpec;
import dev.vectorizer.domain.CollectionStats;
import dev.vectorizer.domain.HnswSettings;
import dev.vectorizer.domain.Metric;
import dev.vectorizer.domain.Quantization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collections in JSON. A new one: {@code {"name","dimension","metric","hnsw":{"m","ef_construction"},
 * "quantization","embedding_model"}} with defaults {@code cosine}, {@link HnswSettings#DEFAULT} and
 * {@code none}; shown as that plus {@code vector_count}, {@code size_bytes} and {@code created_at}.
 * Its statistics alone, and a deletion, are shown as {@link #stats} and {@link #deleted} (MCP's
 * answers; REST answers a deletion with 204).
 */
public final class CollectionJson {

    private CollectionJson() {
    }

    public static CollectionName name(JsonFields request) {
        return new CollectionName(request.string("name"));
    }

    public static CollectionSpec spec(JsonFields request) {
        HnswSettings hnsw = request.optionalObject("hnsw")
                .map(h -> new HnswSettings(h.integer("m", HnswSettings.DEFAULT.m()), h.integer("ef_construction", HnswSettings.DEFAULT.efConstruction())))
                .orElse(HnswSettings.DEFAULT);
        return new CollectionSpec(request.integer("dimension"), request.optionalString("metric").map(Metric::parse).orElse(Metric.COSINE),
                hnsw, request.optionalString("quantization").map(Quantization::parse).orElse(Quantization.NONE),
                request.optionalString("embedding_model"));
    }

    /** A collection just created: empty. */
    public static Map<String, Object> created(Collection collection) {
        return info(new CollectionInfo(collection, new CollectionStats(0, 0)));
    }

    public static Map<String, Object> info(CollectionInfo info) {
        CollectionSpec spec = info.collection().spec();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", info.collection().ref().name().value());
        json.put("dimension", spec.dimension());
        json.put("metric", spec.metric().wireName());
        json.put("vector_count", info.stats().vectorCount());
        json.put("size_bytes", info.stats().sizeBytes());
        json.put("hnsw", Json.object("m", spec.hnsw().m(), "ef_construction", spec.hnsw().efConstruction()));
        json.put("quantization", spec.quantization().wireName());
        spec.embeddingModel().ifPresent(model -> json.put("embedding_model", model));
        json.put("created_at", info.collection().createdAt().toString());
        return json;
    }

    /** What a collection holds: {@code {"name","vector_count","size_bytes"}}. */
    public static Map<String, Object> stats(CollectionInfo info) {
        return Json.object("name", info.collection().ref().name().value(), "vector_count", info.stats().vectorCount(),
                "size_bytes", info.stats().sizeBytes());
    }

    /** A collection just deleted: {@code {"name","deleted":true}}. */
    public static Map<String, Object> deleted(CollectionName name) {
        return Json.object("name", name.value(), "deleted", true);
    }

    /** {@code {"collections":[..]}}. */
    public static Map<String, Object> list(List<CollectionInfo> collections) {
        return Map.of("collections", collections.stream().map(CollectionJson::info).toList());
    }
}
