package dev.vectorizer.bench.fuzz;

import static dev.vectorizer.bench.fuzz.JsonTree.arr;
import static dev.vectorizer.bench.fuzz.JsonTree.obj;

import dev.vectorizer.bench.fuzz.JsonTree.Member;
import dev.vectorizer.bench.fuzz.JsonTree.Obj;
import dev.vectorizer.bench.fuzz.JsonTree.Slot;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Valid request bodies of each kind, and the ways the fuzzer breaks them. */
final class Bodies {

    /** The kinds of JSON body the API reads. */
    enum Shape {
        CREATE_COLLECTION, UPSERT, PUT_VECTOR, DELETE_MANY, INSERT_TEXT, SEARCH, HYBRID, SCROLL, EMBED, CREATE_TENANT, CREATE_KEY, CREATE_BACKUP,
        RESTORE
    }

    private static final String TEXT = "Cats are small domesticated felines. They sleep a lot. Compilers check ownership.";

    private Bodies() {
    }

    /** A valid body of {@code shape} for a collection of {@code dimension}; a restore restores {@code backupId}. */
    static Object valid(Shape shape, Random random, int dimension, String backupId) {
        return switch (shape) {
            case CREATE_COLLECTION -> obj("name", "scratch-" + random.nextInt(50), "dimension", 4, "metric",
                    Oddities.pick(random, List.of("cosine", "euclidean", "dot_product")), "hnsw", obj("m", 16, "ef_construction", 100),
                    "quantization", Oddities.pick(random, List.of("none", "int8", "int4", "binary")));
            case UPSERT -> obj("vectors", arr(obj("id", "v" + random.nextInt(20), "vector", vector(random, dimension), "payload", payload(random)),
                    obj("id", "urn:doc:" + random.nextInt(5), "vector", vector(random, dimension))));
            case PUT_VECTOR -> obj("vector", vector(random, dimension), "payload", payload(random));
            case DELETE_MANY -> random.nextBoolean() ? obj("ids", arr("v" + random.nextInt(20), "nope")) : obj("filter", filter(random));
            case INSERT_TEXT -> obj("id", "doc" + random.nextInt(5), "text", TEXT, "payload", obj("source", "fuzz"));
            case SEARCH -> obj("vector", vector(random, dimension), "limit", 1 + random.nextInt(20), "ef", 50, "filter", filter(random),
                    "with_payload", true, "with_vector", random.nextBoolean());
            case HYBRID -> obj("text", "small felines", "fusion", random.nextBoolean() ? "rrf" : "weighted", "rrf_k", 60, "alpha", 0.5, "limit", 5);
            case SCROLL -> obj("limit", 1 + random.nextInt(100), "filter", filter(random), "with_vector", false, "cursor", "v1");
            case EMBED -> obj("texts", arr("hello", "world"));
            case CREATE_TENANT -> obj("id", "t" + random.nextInt(1000), "name", "Fuzzed tenant");
            case CREATE_KEY -> obj("permissions", arr(Oddities.pick(random, List.of("READ_ONLY", "READ_WRITE"))), "test", false,
                    "expires_at", "2030-01-01T00:00:00Z");
            case CREATE_BACKUP -> obj("name", "fuzzed " + random.nextInt(10), "collections", arr(Oddities.pick(random, List.of("fz", "fzq", "txt"))));
            case RESTORE -> obj("backup_id", backupId, "collections", arr("fz"), "rename", obj("fz", "scratch-" + random.nextInt(50)),
                    "replace", false);
        };
    }

    /** One to three changes inside the tree: a value swapped for an odd one, a member dropped, doubled, renamed or added. */
    static String mutateTree(Object tree, Random random) {
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            List<Slot> slots = JsonTree.slots(tree);
            List<Obj> objects = JsonTree.objects(tree);
            int kind = random.nextInt(10);
            if (kind < 6 && !slots.isEmpty()) {
                Slot slot = slots.get(random.nextInt(slots.size()));
                slot.set(JsonTree.copy(Oddities.value(random, slot.key())));
            } else if (!objects.isEmpty()) {
                List<Member> members = objects.get(random.nextInt(objects.size())).members();
                int at = members.isEmpty() ? 0 : random.nextInt(members.size());
                switch (members.isEmpty() ? 3 : kind) {
                    case 6 -> members.remove(at);
                    case 7 -> members.add(new Member(members.get(at).key, JsonTree.copy(Oddities.value(random, members.get(at).key))));
                    case 8 -> members.get(at).key = Oddities.pick(random, List.of("", "Vector", "vectors ", "__proto__", "id\u0000"));
                    default -> members.add(new Member("unknown_" + random.nextInt(3), JsonTree.copy(Oddities.value(random, null))));
                }
            }
        }
        return JsonTree.write(tree);
    }

    /** The whole text broken: cut short, followed by garbage, not JSON at all, nested too deep, a number too long. */
    static byte[] mutateText(String json, Random random) {
        String broken = switch (random.nextInt(12)) {
            case 0 -> json.substring(0, random.nextInt(Math.max(1, json.length())));
            case 1 -> json + Oddities.pick(random, List.of("}", "garbage", "{}", ",", " []", "\u0000", "/* c */"));
            case 2 -> "\ufeff" + json;
            case 3 -> Oddities.pick(random, List.of("", "null", "[]", "\"text\"", "42", "true", "{", "}", "{}", "[{}]"));
            case 4 -> "[".repeat(depth(random)) + "]".repeat(random.nextBoolean() ? 0 : 1);
            case 5 -> "{\"a\":".repeat(depth(random)) + "1" + "}".repeat(random.nextInt(3));
            case 6 -> "{\"vectors\":[{\"id\":\"n\",\"vector\":[" + "9".repeat(1 + random.nextInt(200_000)) + ",1,1,1]}]}";
            case 7 -> json.replace('"', '\'');
            case 8 -> json.replaceAll("\"([a-z_]+)\":", "$1:");
            case 9 -> json.replace(",", ",,");
            case 10 -> json.replace("[", "[NaN,");
            default -> null;
        };
        return broken != null ? broken.getBytes(StandardCharsets.UTF_8) : invalidUtf8(json, random);
    }

    private static int depth(Random random) {
        return Oddities.pick(random, List.of(10, 64, 500, 5_000, 100_000));
    }

    private static byte[] invalidUtf8(String json, Random random) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int at = random.nextInt(bytes.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(Oddities.pick(random, List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                new byte[] {(byte) 0xc0, (byte) 0xaf}, new byte[] {0})));
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static List<Object> vector(Random random, int dimension) {
        List<Object> vector = arr();
        for (int i = 0; i < dimension; i++) {
            vector.add(Math.round((random.nextDouble() * 2 - 1) * 1000) / 1000.0);
        }
        return vector;
    }

    private static Obj payload(Random random) {
        return obj("color", Oddities.pick(random, List.of("red", "blue")), "price", random.nextInt(10), "tags", arr("a", "b"),
                "loc", obj("lat", 38.7, "lon", -9.1), "shop", obj("city", "Lisbon"));
    }

    private static Obj filter(Random random) {
        return switch (random.nextInt(5)) {
            case 4 -> obj("must", arr(obj("key", "color", "match", "green"))); // valid, and matches nothing
            case 0 -> obj("must", arr(obj("key", "color", "match", "red")));
            case 1 -> obj("must", arr(obj("key", "price", "range", obj("gte", 1, "lt", 9))));
            case 2 -> obj("should", arr(obj("key", "shop.city", "match", "Lisbon"), obj("key", "tags", "match", "a")));
            default -> obj("must_not", arr(obj("key", "loc", "geo_radius", obj("lat", 38.72, "lon", -9.14, "meters", 5000))));
        };
    }
}
