package dev.vectorizer.adapter.mcp;

import dev.vectorizer.domain.json.Json;
import dev.vectorizer.domain.search.VectorQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas of the tools' arguments and answers, written from a few shared pieces. They
 * describe what the wire package's readers accept and its writers give (docs/API.md); the readers,
 * not the schemas, decide what is valid, so a bad argument is answered like REST answers it.
 */
final class Schema {

    /** A property of an object schema. */
    record Property(String name, Map<String, Object> schema, boolean required) {
    }

    static final Map<String, Object> COLLECTION = json("""
            {"type":"string","pattern":"^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$","description":"Name of the collection"}""");
    static final Map<String, Object> VECTOR_ID = json("""
            {"type":"string","minLength":1,"maxLength":256,"description":"Id of the vector"}""");
    static final Map<String, Object> VECTOR = json("""
            {"type":"array","items":{"type":"number"},"description":"The vector's values; as many as the collection's dimension"}""");
    static final Map<String, Object> PAYLOAD = json("""
            {"type":"object","description":"JSON object stored with the vector (at most 64 KiB), for filters and answers"}""");
    static final Map<String, Object> FILTER = json("""
            {"type":"object","description":"Payload filter: {\\"must\\":[..],\\"should\\":[..],\\"must_not\\":[..]} of clauses \
            {\\"key\\":\\"color\\",\\"match\\":\\"red\\"}, {\\"key\\":\\"price\\",\\"range\\":{\\"gte\\":1,\\"lt\\":9}}, \
            {\\"key\\":\\"loc\\",\\"geo_radius\\":{\\"lat\\":38.7,\\"lon\\":-9.1,\\"meters\\":5000}} or nested filters; \
            keys are dotted paths into the payload"}""");
    static final Map<String, Object> TEXT = json("""
            {"type":"string","minLength":1,"description":"The text"}""");

    /** The search options shared by {@code search} and {@code search_hybrid}. */
    private static final List<Property> SEARCH_OPTIONS = List.of(
            optional("limit", json("{\"type\":\"integer\",\"minimum\":1,\"maximum\":" + VectorQuery.MAX_LIMIT
                    + ",\"description\":\"Most results (default " + VectorQuery.DEFAULT_LIMIT + ")\"}")),
            optional("ef", json("{\"type\":\"integer\",\"minimum\":1,\"maximum\":" + VectorQuery.MAX_EF
                    + ",\"description\":\"Search beam: higher is more accurate and slower (default " + VectorQuery.DEFAULT_EF + ")\"}")),
            optional("filter", FILTER),
            optional("with_payload", json("{\"type\":\"boolean\",\"description\":\"Return each hit's payload (default true)\"}")),
            optional("with_vector", json("{\"type\":\"boolean\",\"description\":\"Return each hit's vector (default false)\"}")));

    static final Map<String, Object> COLLECTION_INFO = object(
            required("name", type("string")), required("dimension", type("integer")), required("metric", type("string")),
            required("vector_count", type("integer")), required("size_bytes", type("integer")),
            required("hnsw", object(required("m", type("integer")), required("ef_construction", type("integer")))),
            required("quantization", type("string")), optional("embedding_model", type("string")),
            required("created_at", type("string")));
    static final Map<String, Object> STORED_VECTOR = object(
            required("id", type("string")), optional("vector", array(type("number"))), required("payload", type("object")));
    static final Map<String, Object> HITS = object(required("results", array(object(
            required("id", type("string")), required("score", type("number")), optional("source", type("string")),
            optional("payload", type("object")), optional("vector", array(type("number")))))));

    private Schema() {
    }

    static Property required(String name, Map<String, Object> schema) {
        return new Property(name, schema, true);
    }

    static Property optional(String name, Map<String, Object> schema) {
        return new Property(name, schema, false);
    }

    /** An object with these properties (others are allowed, and ignored by the readers). */
    static Map<String, Object> object(Property... properties) {
        return object(List.of(properties));
    }

    static Map<String, Object> object(List<Property> properties) {
        Map<String, Object> fields = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Property property : properties) {
            fields.put(property.name(), property.schema());
            if (property.required()) {
                required.add(property.name());
            }
        }
        return Json.object("type", "object", "properties", fields, "required", required);
    }

    /** A search request: these properties followed by the search options. */
    static Map<String, Object> searchRequest(Property... properties) {
        List<Property> all = new ArrayList<>(List.of(properties));
        all.addAll(SEARCH_OPTIONS);
        return object(all);
    }

    static Map<String, Object> array(Map<String, Object> items) {
        return Json.object("type", "array", "items", items);
    }

    static Map<String, Object> type(String type) {
        return Json.object("type", type);
    }

    /** {@code schema} with a description for this use of it. */
    static Map<String, Object> described(Map<String, Object> schema, String description) {
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        copy.put("description", description);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return (Map<String, Object>) Json.parse(text);
    }
}
