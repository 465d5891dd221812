package dev.vectorizer.bench.fuzz;

import static dev.vectorizer.bench.fuzz.JsonTree.arr;
import static dev.vectorizer.bench.fuzz.JsonTree.obj;

import dev.vectorizer.bench.fuzz.FuzzRequest.Family;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Requests to GraphQL ({@code /api/graphql}, docs/GRAPHQL.md), each a valid operation with one thing
 * broken (or, one time in ten, nothing): the document (cut, too deep, too long, too many aliases,
 * unknown fields, cyclic fragments, bad directives), the variables (wrong types, mutated values), the
 * envelope (not JSON, a batch array, {@code query} not a string), the GET form (a mutation, bad
 * {@code variables}), the method, Content-Type, Accept or the credential. Only scratch collections
 * are created or deleted.
 */
final class GraphQLRequests {

    static final String PATH = "/api/graphql";

    /** A document and its variables (or null). */
    private record Operation(String query, Object variables) {
    }

    private static final List<String> DEEP_FIELDS = List.of("collections", "hnsw");

    private final Fixture fixture;
    private final Random random;

    GraphQLRequests(Fixture fixture, Random random) {
        this.fixture = fixture;
        this.random = random;
    }

    private Operation valid() {
        String c = Oddities.pick(random, List.of("fz", "fzq", "fzd", "nope"));
        return switch (random.nextInt(9)) {
            case 0 -> new Operation("{ collections { name dimension metric vector_count size_bytes hnsw { m ef_construction } } }", null);
            case 1 -> new Operation("query C($n: String!) { collection(name: $n) { name vector_count quantization } }", obj("n", c));
            case 2 -> new Operation("query S($c: String!, $v: [Float!], $f: JSON) { search(collection: $c, vector: $v, limit: 5, filter: $f) "
                    + "{ id score payload vector } }", obj("c", c, "v", arr(0.1, 0.2, 0.3, 0.4), "f", obj("must", arr(obj("key", "color", "match", "red")))));
            case 3 -> new Operation("mutation U($v: [VectorInput!]!) { upsertVectors(collection: \"" + c + "\", vectors: $v) }",
                    obj("v", arr(obj("id", "g" + random.nextInt(10), "vector", arr(1, 2, 3, 4), "payload", obj("color", "red")))));
            case 4 -> new Operation("query P($cursor: String) { vectors(collection: \"" + c + "\", cursor: $cursor, limit: 3) "
                    + "{ vectors { id payload } next_cursor } }", obj("cursor", JsonTree.NULL));
            case 5 -> new Operation("{ hybridSearch(collection: \"txt\", text: \"small felines\", fusion: WEIGHTED, alpha: 0.5) { id score source } }", null);
            case 6 -> new Operation("mutation { createCollection(name: \"scratch-" + random.nextInt(50) + "\", dimension: 4, metric: DOT_PRODUCT, "
                    + "hnsw: {m: 8, ef_construction: 50}) { name } }", null);
            case 7 -> new Operation("mutation { deleteCollection(name: \"scratch-" + random.nextInt(50) + "\") }", null);
            default -> new Operation("{ __schema { queryType { name } types { name kind } } }", null);
        };
    }

    FuzzRequest next() {
        Operation operation = valid();
        Object envelope = operation.variables() == null ? obj("query", operation.query()) : obj("query", operation.query(), "variables", operation.variables());
        Message message = new Message("POST", PATH).header("Host", fixture.host)
                .header("Authorization", "Bearer " + (random.nextInt(8) == 0 ? fixture.readOnlyKey : fixture.readWriteKey))
                .header("Content-Type", "application/json");
        if (random.nextInt(3) == 0) {
            message.header("Accept", Oddities.pick(random, List.of("application/graphql-response+json", "application/json",
                    "application/graphql-response+json, application/json;q=0.9", "*/*")));
        }
        String mutation;
        int roll = random.nextInt(100);
        if (roll < 10) {
            mutation = "none";
            message.body(JsonTree.write(envelope));
        } else if (roll < 35) {
            mutation = "document";
            message.body(JsonTree.write(obj("query", brokenDocument(operation.query()), "variables",
                    operation.variables() == null ? JsonTree.NULL : operation.variables())));
        } else if (roll < 55 && operation.variables() != null) {
            mutation = "variables";
            message.body(Bodies.mutateTree(obj("query", operation.query(), "variables", JsonTree.copy(operation.variables())), random));
        } else if (roll < 70) {
            mutation = "envelope";
            message.body(brokenEnvelope(envelope, operation));
        } else if (roll < 80) {
            mutation = "GET";
            message.method("GET").withoutHeader("Content-Type").target(PATH + "?" + getQuery(operation));
        } else if (roll < 86) {
            mutation = "method";
            message.method(Oddities.pick(random, List.of("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "FOO"))).body(JsonTree.write(envelope));
        } else if (roll < 92) {
            mutation = "content-type or accept";
            message.withoutHeader("Content-Type").body(JsonTree.write(envelope));
            if (random.nextBoolean()) {
                message.header("Content-Type", Oddities.pick(random, List.of("application/graphql", "text/plain", "application/json; charset=latin1",
                        "application/x-www-form-urlencoded", "multipart/form-data")));
            }
            if (random.nextBoolean()) {
                message.header("Accept", Oddities.pick(random, Oddities.ACCEPTS));
            }
        } else {
            mutation = "credential";
            message.withoutHeader("Authorization").body(JsonTree.write(envelope));
            switch (random.nextInt(4)) {
                case 0 -> { } // none
                case 1 -> message.header("Authorization", "Bearer " + fixture.adminKey);
                case 2 -> message.header("Authorization", Oddities.pick(random, Oddities.CREDENTIALS));
                default -> message.header("Authorization", "Bearer " + fixture.mcpKey);
            }
        }
        if (ApiRequests.WITHOUT_CONTENT.contains(message.method())) {
            message.withoutBody();
        }
        return FuzzRequest.of(Family.GRAPHQL, mutation, message.header("Connection", "close"));
    }

    private String brokenDocument(String query) {
        return switch (random.nextInt(12)) {
            case 0 -> query.substring(0, random.nextInt(query.length()));
            case 1 -> query + Oddities.pick(random, List.of("}", "{", " garbage", " query { x }", "#"));
            case 2 -> "{ " + nested(Oddities.pick(random, List.of(16, 40, 500))) + " }";
            case 3 -> "{ " + "a: collections { name } ".repeat(Oddities.pick(random, List.of(31, 200))) + "}";
            case 4 -> "{ collections { name " + "x".repeat(Oddities.pick(random, List.of(100, 120_000))) + " } }";
            case 5 -> "{ collections { nope } unknownField }";
            case 6 -> "query A { ...F } fragment F on Query { ...G } fragment G on Query { ...F }";
            case 7 -> "{ collections @skip(if: \"x\") { name @include(if: 1) } }";
            case 8 -> "{ search(collection: \"fz\", vector: [" + "1,".repeat(Oddities.pick(random, List.of(3, 5, 20_000))) + "1], limit: "
                    + Oddities.pick(random, List.of("-1", "0", "99999999999", "1.5", "\"3\"", "null")) + ") { id } }";
            case 9 -> "query A { collections { name } } query B { collections { name } }"; // two operations, no operationName
            case 10 -> "{ vectors(collection: \"fz\", limit: 1000) { vectors { id payload vector } next_cursor } "
                    + "b: vectors(collection: \"fz\", limit: 1000) { vectors { id payload vector } } }"; // over the cost limit
            default -> "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }";
        };
    }

    /** {@code depth} nested selections of fields that exist at the first levels and not beyond. */
    private static String nested(int depth) {
        StringBuilder doc = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            doc.append(DEEP_FIELDS.get(i % 2)).append(" { ");
        }
        doc.append("m");
        doc.append(" }".repeat(depth));
        return doc.toString();
    }

    private byte[] brokenEnvelope(Object envelope, Operation operation) {
        String json = switch (random.nextInt(8)) {
            case 0 -> JsonTree.write(arr(envelope, envelope)); // a batch
            case 1 -> JsonTree.write(obj("query", Oddities.pick(random, List.<Object>of(42, JsonTree.NULL, arr("{ x }"), obj("q", 1), true))));
            case 2 -> JsonTree.write(obj("variables", obj()));
            case 3 -> JsonTree.write(obj("query", operation.query(), "variables", Oddities.pick(random, List.<Object>of("{}", 1, arr(), true))));
            case 4 -> JsonTree.write(obj("query", operation.query(), "operationName", Oddities.pick(random, List.<Object>of("Nope", 1, obj()))));
            case 5 -> JsonTree.write(obj("query", operation.query(), "extensions", Oddities.pick(random, List.<Object>of("x", 1, obj("persistedQuery", obj())))));
            case 6 -> JsonTree.write(obj("query", operation.query(), "query", "{ collections { name } }")); // duplicate key
            default -> null;
        };
        return json != null ? json.getBytes(StandardCharsets.UTF_8) : Bodies.mutateText(JsonTree.write(envelope), random);
    }

    private String getQuery(Operation operation) {
        String document = random.nextInt(4) > 0 ? operation.query() // short ones: a long URL is the HTTP layer's to refuse (OtherRequests)
                : Oddities.pick(random, List.of("", "{", "{ nope }", "query A { x } query B { y }", "subscription { x }", operation.query() + "}"));
        String query = "query=" + ApiRequests.encode(document);
        if (operation.variables() != null) {
            query += "&variables=" + ApiRequests.encode(random.nextBoolean() ? JsonTree.write(operation.variables())
                    : Oddities.pick(random, List.of("{", "[1]", "null", "{\"n\":1}", "%zz")));
        }
        if (random.nextInt(4) == 0) {
            query += Oddities.pick(random, List.of("&operationName=Nope", "&query=x", "&extensions=%7B", "&variables="));
        }
        return query;
    }
}
