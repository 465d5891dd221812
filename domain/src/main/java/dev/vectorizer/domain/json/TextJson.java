package dev.vectorizer.domain.json;

import dev.vectorizer.domain.InvalidValueException;
import dev.vectorizer.domain.TextDocument;
import dev.vectorizer.domain.VectorId;
import java.util.List;
import java.util.Map;

/**
 * Text in JSON: a document to insert ({@code {"id","text","payload"}} → {@code {"ids":[..]}}) and
 * texts to embed ({@code {"texts":[..]}} or {@code {"text":".."}} →
 * {@code {"model","dimension","embeddings":[[..],..]}}).
 */
public final class TextJson {

    private TextJson() {
    }

    public static TextDocument document(JsonFields request) {
        return new TextDocument(request.string("id"), request.string("text"), PayloadJson.optional(request));
    }

    public static Map<String, Object> inserted(List<VectorId> ids) {
        return Map.of("ids", ids.stream().map(VectorId::value).toList());
    }

    /** The texts of an embedding request. */
    public static List<String> texts(JsonFields request) {
        InvalidValueException.require(request.has("texts") ^ request.has("text"), "give either 'texts' or 'text'");
        return request.has("texts") ? request.strings("texts") : List.of(request.string("text"));
    }

    public static Map<String, Object> embeddings(String model, List<float[]> embeddings) {
        return Json.object("model", model, "dimension", embeddings.getFirst().length, "embeddings", embeddings);
    }
}
