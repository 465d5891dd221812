package dev.vectorizer.adapter.rest.view;

import dev.vectorizer.adapter.rest.json.PayloadJson;
import dev.vectorizer.domain.search.HybridHit;
import dev.vectorizer.domain.search.ScoredPoint;
import jakarta.json.JsonObject;
import java.util.Locale;

/** A search hit; {@code source} is set by hybrid search only, absent fields are omitted. */
public record HitView(String id, double score, String source, JsonObject payload, float[] vector) {

    public static HitView of(ScoredPoint hit) {
        return new HitView(hit.id().value(), hit.score(), null,
                hit.payload().map(PayloadJson::toJson).orElse(null), hit.vector().orElse(null));
    }

    public static HitView of(HybridHit hit) {
        return new HitView(hit.id().value(), hit.score(), hit.source().name().toLowerCase(Locale.ROOT),
                hit.payload().map(PayloadJson::toJson).orElse(null), hit.vector().orElse(null));
    }
}
