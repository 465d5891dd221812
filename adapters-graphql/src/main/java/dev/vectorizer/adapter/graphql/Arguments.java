package dev.vectorizer.adapter.graphql;

import dev.vectorizer.domain.CollectionName;
import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.json.JsonFields;
import dev.vectorizer.domain.tenant.Caller;
import dev.vectorizer.domain.tenant.ForbiddenException;
import graphql.schema.DataFetchingEnvironment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a resolver needs from its field: the caller and the arguments. A field's arguments are
 * the REST body of the same operation (same names), so they are handed to the domain's readers as
 * that body, which check them exactly as they check a REST request.
 */
final class Arguments {

    private Arguments() {
    }

    /**
     * The tenant the request acts for. The installation administrator owns no data, so it is refused
     * here, as the REST API refuses it.
     */
    static Caller.OfTenant tenant(DataFetchingEnvironment field) {
        if (field.getGraphQlContext().get(Caller.class) instanceof Caller.OfTenant tenant) {
            return tenant;
        }
        throw new ForbiddenException("the installation administrator key cannot access tenant data; use a tenant key");
    }

    /** The collection named by the {@code collection} argument. */
    static CollectionName collection(DataFetchingEnvironment field) {
        return new CollectionName(field.getArgument("collection"));
    }

    /** The arguments but {@code collection} (a path parameter in REST), as the JSON body they mirror. */
    static JsonFields body(DataFetchingEnvironment field) {
        return body(field, Map.of());
    }

    /** {@link #body(DataFetchingEnvironment)} with more fields, e.g. what to return derived from the selection. */
    static JsonFields body(DataFetchingEnvironment field, Map<String, Object> more) {
        Map<String, Object> body = new LinkedHashMap<>(field.getArguments());
        body.remove("collection");
        body.putAll(more);
        return JsonFields.body(Json.canonical(body));
    }

    /**
     * {@code with_payload} and {@code with_vector} of a search: whether its hits' {@code payload}
     * and {@code vector} are selected, so nothing unasked for is read.
     */
    static Map<String, Object> selected(DataFetchingEnvironment field, String prefix) {
        return Map.of("with_payload", field.getSelectionSet().contains(prefix + "payload"),
                "with_vector", field.getSelectionSet().contains(prefix + "vector"));
    }
}
