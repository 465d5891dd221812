package dev.vectorizer.adapter.graphql;

import static dev.vectorizer.adapter.graphql.Arguments.body;
import static dev.vectorizer.adapter.graphql.Arguments.collection;
import static dev.vectorizer.adapter.graphql.Arguments.selected;
import static dev.vectorizer.adapter.graphql.Arguments.tenant;

import dev.vectorizer.application.port.in.HybridSearchQuery;
import dev.vectorizer.application.port.in.ScrollVectorsQuery;
import dev.vectorizer.application.port.in.SearchVectorsQuery;
import dev.vectorizer.domain.json.SearchJson;
import dev.vectorizer.domain.search.ScrollRequest;
import graphql.schema.idl.RuntimeWiring;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** {@code search}, {@code hybridSearch} and {@code vectors} (scroll). */
@Dependent
class SearchResolvers {

    private final SearchVectorsQuery search;
    private final HybridSearchQuery hybrid;
    private final ScrollVectorsQuery scroll;

    @Inject
    SearchResolvers(SearchVectorsQuery search, HybridSearchQuery hybrid, ScrollVectorsQuery scroll) {
        this.search = search;
        this.hybrid = hybrid;
        this.scroll = scroll;
    }

    void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type
                .dataFetcher("search", field -> SearchJson.results(search.search(tenant(field), collection(field),
                        SearchJson.search(body(field, selected(field, ""))))).get("results"))
                .dataFetcher("hybridSearch", field -> SearchJson.hybridResults(hybrid.hybridSearch(tenant(field), collection(field),
                        SearchJson.hybrid(body(field, selected(field, ""))))).get("results"))
                .dataFetcher("vectors", field -> {
                    ScrollRequest request = SearchJson.scroll(body(field, selected(field, "vectors/")));
                    return SearchJson.page(scroll.scroll(tenant(field), collection(field), request), request);
                }));
    }
}
