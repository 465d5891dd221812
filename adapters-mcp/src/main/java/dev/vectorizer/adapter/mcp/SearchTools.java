package dev.vectorizer.adapter.mcp;

import static dev.vectorizer.adapter.mcp.CollectionTools.collection;
import static dev.vectorizer.adapter.mcp.Schema.COLLECTION;
import static dev.vectorizer.adapter.mcp.Schema.HITS;
import static dev.vectorizer.adapter.mcp.Schema.TEXT;
import static dev.vectorizer.adapter.mcp.Schema.VECTOR;
import static dev.vectorizer.adapter.mcp.Schema.array;
import static dev.vectorizer.adapter.mcp.Schema.described;
import static dev.vectorizer.adapter.mcp.Schema.object;
import static dev.vectorizer.adapter.mcp.Schema.optional;
import static dev.vectorizer.adapter.mcp.Schema.required;
import static dev.vectorizer.adapter.mcp.Schema.searchRequest;
import static dev.vectorizer.adapter.mcp.Schema.type;

import dev.vectorizer.application.port.in.EmbedTextQuery;
import dev.vectorizer.application.port.in.HybridSearchQuery;
import dev.vectorizer.application.port.in.SearchVectorsQuery;
import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.json.SearchJson;
import dev.vectorizer.domain.json.TextJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The tools that search a collection and embed text, as {@code .../search}, {@code .../search/hybrid} and {@code /api/embed} offer them. */
@ApplicationScoped
class SearchTools {

    @Inject
    SearchVectorsQuery search;
    @Inject
    HybridSearchQuery hybrid;
    @Inject
    EmbedTextQuery embed;

    List<Tool> tools() {
        return List.of(
                new Tool("search", "Find the vectors closest to a vector, or to the meaning of a text (embedded by the server's "
                        + "model; dimension-384 collections), best first. Give either vector or text; a filter narrows the "
                        + "candidates by payload.",
                        searchRequest(required("collection", COLLECTION), optional("vector", VECTOR),
                                optional("text", described(TEXT, "Query text, at most 10,000 characters"))),
                        HITS, Tool.Effect.READ,
                        (caller, args) -> SearchJson.results(search.search(caller, collection(args), SearchJson.search(args)))),
                new Tool("search_hybrid", "Search by keywords (BM25 over inserted text) and by meaning (kNN near the text's embedding, "
                        + "or near vector if given) at once, fused into one ranking; each hit's source says which ranking found it.",
                        searchRequest(required("collection", COLLECTION),
                                required("text", described(TEXT, "Query text, at most 10,000 characters")),
                                optional("vector", described(VECTOR, "Search near this vector instead of the text's embedding")),
                                optional("fusion", Json.object("type", "string", "enum", List.of("rrf", "weighted"),
                                        "description", "rrf (reciprocal rank fusion, default) or weighted")),
                                optional("rrf_k", described(type("integer"), "rrf's k (default 60); only with fusion rrf")),
                                optional("alpha", described(type("number"), "weighted's share of the vector ranking, 0..1 (default 0.5); only "
                                        + "with fusion weighted"))),
                        HITS, Tool.Effect.READ,
                        (caller, args) -> SearchJson.hybridResults(hybrid.hybridSearch(caller, collection(args), SearchJson.hybrid(args)))),
                new Tool("embed_text", "Embed texts with the server's model without storing anything: give text, or texts (at most "
                        + EmbedTextQuery.MAX_TEXTS + " texts and " + EmbedTextQuery.MAX_CHARACTERS + " characters in all).",
                        object(optional("text", TEXT), optional("texts", described(array(type("string")), "Texts to embed, in order"))),
                        object(required("model", type("string")), required("dimension", type("integer")),
                                required("embeddings", array(array(type("number"))))),
                        Tool.Effect.READ, (caller, args) -> TextJson.embeddings(embed.model(), embed.embed(caller, TextJson.texts(args)))));
    }
}
