package dev.vectorizer.domain.json;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.Payload;
import dev.vectorizer.domain.VectorId;
import dev.vectorizer.domain.search.Fusion;
import dev.vectorizer.domain.search.HybridHit;
import dev.vectorizer.domain.search.HybridRequest;
import dev.vectorizer.domain.search.ScoredPoint;
import dev.vectorizer.domain.search.ScrollPage;
import dev.vectorizer.domain.search.ScrollRequest;
import dev.vectorizer.domain.search.SearchRequest;
import dev.vectorizer.domain.search.VectorQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Searches in JSON: search ({@code {"vector":[..] | "text":"..","limit","ef","filter","with_payload",
 * "with_vector"}}), a batch of them ({@code {"searches":[..]}}), hybrid search ({@code "text"}, optional {@code "vector"}, {@code "fusion"},
 * {@code "rrf_k"}, {@code "alpha"} and the search options), scroll ({@code "limit","cursor","filter",
 * "with_vector"}); and their answers {@code {"results":[{"id","score","source"?,"payload"?,"vector"?}]}}
 * (a batch: {@code {"searches":[{"results":[..]}, ..]}}) and {@code {"vectors":[..],"next_cursor"?}}.
 */
public final class SearchJson {

    private SearchJson() {
    }

    public static SearchRequest search(JsonFields request) {
        InvalidValueException.require(request.has("vector") ^ request.has("text"), "give either 'vector' or 'text'");
        SearchRequest.Target target = request.has("vector")
                ? new SearchRequest.Target.Dense(request.vector("vector"))
                : new SearchRequest.Target.Text(request.string("text"));
        return new SearchRequest(target, limit(request), ef(request), FilterJson.optional(request), withPayload(request), withVector(request));
    }

    /** A batch: {@code {"searches":[search, ...]}}. */
    public static List<SearchRequest> searchBatch(JsonFields request) {
        return request.objects("searches").stream().map(SearchJson::search).toList();
    }

    public static HybridRequest hybrid(JsonFields request) {
        Fusion fusion = Fusion.parse(request.optionalString("fusion"), request.optionalInteger("rrf_k"), request.number("alpha"));
        return new HybridRequest(request.string("text"), request.optionalVector("vector"), limit(request), ef(request),
                FilterJson.optional(request), fusion, withPayload(request), withVector(request));
    }

    public static ScrollRequest scroll(JsonFields request) {
        return new ScrollRequest(FilterJson.optional(request), request.integer("limit", ScrollRequest.DEFAULT_LIMIT),
                request.optionalString("cursor").map(VectorId::new), withVector(request));
    }

    public static Map<String, Object> results(List<ScoredPoint> hits) {
        return Map.of("results", hits.stream().map(h -> hit(h.id(), h.score(), Optional.empty(), h.payload(), h.vector())).toList());
    }

    /** A batch's answer: {@code {"searches":[answer, ...]}}, each as {@link #results} writes one search's. */
    public static Map<String, Object> batchResults(List<List<ScoredPoint>> answers) {
        return Map.of("searches", answers.stream().map(SearchJson::results).toList());
    }

    public static Map<String, Object> hybridResults(List<HybridHit> hits) {
        return Map.of("results", hits.stream()
                .map(h -> hit(h.id(), h.score(), Optional.of(h.source().name().toLowerCase(Locale.ROOT)), h.payload(), h.vector()))
                .toList());
    }

    public static Map<String, Object> page(ScrollPage page, ScrollRequest request) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("vectors", page.vectors().stream().map(v -> VectorJson.write(v, request.withVector())).toList());
        page.next().ifPresent(next -> json.put("next_cursor", next.value()));
        return json;
    }

    private static Map<String, Object> hit(VectorId id, Number score, Optional<String> source, Optional<Payload> payload,
            Optional<float[]> vector) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id.value());
        json.put("score", score);
        source.ifPresent(s -> json.put("source", s));
        payload.ifPresent(p -> json.put("payload", PayloadJson.write(p)));
        vector.ifPresent(v -> json.put("vector", v));
        return json;
    }

    private static int limit(JsonFields request) {
        return request.integer("limit", VectorQuery.DEFAULT_LIMIT);
    }

    private static int ef(JsonFields request) {
        return request.integer("ef", VectorQuery.DEFAULT_EF);
    }

    private static boolean withPayload(JsonFields request) {
        return request.bool("with_payload", true);
    }

    private static boolean withVector(JsonFields request) {
        return request.bool("with_vector", false);
    }
}
