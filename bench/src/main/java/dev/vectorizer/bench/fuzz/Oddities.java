package dev.vectorizer.bench.fuzz;

import static dev.vectorizer.bench.fuzz.JsonTree.NULL;
import static dev.vectorizer.bench.fuzz.JsonTree.arr;
import static dev.vectorizer.bench.fuzz.JsonTree.obj;

import dev.vectorizer.bench.fuzz.JsonTree.Raw;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** The pools of odd things the fuzzer picks from: values, path segments, methods, header values. */
final class Oddities {

    private Oddities() {
    }

    /** Values that are wrong almost anywhere: wrong types, extreme numbers, literals JSON lacks, odd strings. */
    private static final List<Supplier<Object>> VALUES = List.of(
            () -> new Raw("NaN"), () -> new Raw("Infinity"), () -> new Raw("-Infinity"),
            () -> new Raw("1e309"), () -> new Raw("-1e309"), () -> new Raw("1e-999999999"), () -> new Raw("4.9e-324"),
            () -> new Raw("123456789012345678901234567890"), () -> new Raw("9223372036854775808"), () -> new Raw("2147483648"),
            () -> new Raw("-2147483649"), () -> new Raw("-0"), () -> new Raw("1.7976931348623157e308"), () -> new Raw("3e38"),
            () -> new Raw("1" + "0".repeat(400)), () -> new Raw("0." + "1".repeat(400)),
            () -> 0, () -> -1, () -> 1, () -> 1.5, () -> 65536, () -> true, () -> false, () -> NULL,
            () -> "", () -> " ", () -> "\u0000", () -> new Raw("\"\\ud800\""), () -> new Raw("\"\\udfff\\ud800\""), () -> "\u202e",
            () -> "../../etc/passwd", () -> "%2e%2e%2f", () -> "a:b", () -> "a\\b", () -> "😀", () -> "<script>alert(1)</script>",
            () -> "' OR '1'='1", () -> "x".repeat(300), () -> "x".repeat(70_000),
            () -> arr(), () -> obj(), () -> arr(1, 2, 3), () -> obj("a", 1), () -> arr(NULL), () -> arr("a", "b"),
            () -> nested(20, true), () -> IntStream.range(0, 5000).mapToObj(i -> (Object) i).toList());

    /** Values that are wrong for one field in particular. */
    private static final Map<String, List<Supplier<Object>>> FOR_FIELD = Map.of(
            "vector", List.of(() -> arr(0, 0, 0, 0), () -> arr(new Raw("1e-30"), new Raw("1e-30"), 0, 0),
                    () -> arr(new Raw("3e38"), new Raw("3e38"), new Raw("3e38"), new Raw("3e38")), () -> arr(1, 2, 3), () -> arr(1, 2, 3, 4, 5),
                    () -> arr(), () -> arr("a", "b", "c", "d"), () -> arr(NULL, NULL, NULL, NULL), () -> arr(new Raw("NaN"), 1, 1, 1),
                    () -> arr(new Raw("1e-999999999"), 0, 0, 0), () -> arr(arr(1), arr(2), arr(3), arr(4)), () -> arr(-1, 0, 0, 0)),
            "filter", List.of(() -> obj("must", arr(obj("key", "color", "match", "red", "range", obj("gt", 1)))),
                    () -> obj("must", arr(obj("foo", 1))), () -> obj("must", obj()), () -> obj("must", arr(obj("key", "", "match", "x"))),
                    () -> obj("must", arr(obj("key", "a..b", "match", "x"))), () -> obj("must", arr(obj("key", "price", "range", obj("gt", "a")))),
                    () -> obj("must", arr(obj("key", "loc", "geo_radius", obj("lat", 999, "lon", -999, "meters", -1)))),
                    () -> obj("must", arr(obj("key", "price", "range", obj()))), () -> obj("should", arr()), () -> nestedFilter(9),
                    () -> nestedFilter(60), () -> obj("must", IntStream.range(0, 300).mapToObj(i -> (Object) obj("key", "k" + i, "match", i)).toList()),
                    () -> obj("must", arr(obj("key", "color", "match", obj("a", 1)))), () -> obj("must_not", arr(obj("key", "tags", "match", arr(1))))),
            "name", List.of(() -> "", () -> "-a", () -> "a b", () -> "a/b", () -> "ä", () -> "x".repeat(129), () -> "..", () -> "a:b", () -> "CON"),
            "id", List.of(() -> "", () -> "x".repeat(257), () -> "a\u0001b", () -> "\n", () -> "#0", () -> "a#1", () -> 12),
            "permissions", List.of(() -> arr("ADMIN"), () -> arr("read_write"), () -> arr(), () -> arr("X"), () -> "READ_WRITE", () -> arr(1)),
            "expires_at", List.of(() -> "9999-12-31T23:59:59Z", () -> "+1000000000-01-01T00:00:00Z", () -> "2000-01-01T00:00:00Z",
                    () -> "yesterday", () -> 12345, () -> "", () -> "2027-02-30T00:00:00Z"),
            "texts", List.of(() -> arr(), () -> IntStream.range(0, 300).mapToObj(i -> (Object) "t").toList(), () -> arr(""), () -> arr(1), () -> "text"),
            "limit", List.of(() -> 0, () -> -1, () -> 101, () -> 1_000_000, () -> new Raw("1e10"), () -> "10", () -> 10.5),
            "dimension", List.of(() -> 0, () -> -4, () -> 4097, () -> 1_000_000, () -> new Raw("4.0"), () -> "4", () -> new Raw("1e3")));

    /** A value for a member named {@code key} (or an array element, when {@code key} is {@code null}). */
    static Object value(Random random, String key) {
        List<Supplier<Object>> special = key == null ? null : FOR_FIELD.get(key);
        List<Supplier<Object>> pool = special != null && random.nextInt(10) < 6 ? special : VALUES;
        return pool.get(random.nextInt(pool.size())).get();
    }

    /** Odd path segments that are still valid HTTP: the application, not the HTTP layer, must refuse or serve them. */
    private static final List<String> SEGMENTS = List.of("a:b", "a%3Ab", "urn:doc:1", "a%2Fb", "%2e%2e", "%2e", "..%2F", "a%20b", "a+b",
            "%25", "%2525", "%C3%BC", "%F0%9F%98%80", "\u00c3\u00bc", "%E2%80%AE", "a;b", "a;jsessionid=x", "a%3Bb", "a@b", "a!$&'()*,=b",
            "a%22b", "a%3Cb%3E", "{a}", "a|b", "a^b", "a`b", "[a]", "a\"b", "<a>", "x".repeat(129), "x".repeat(2000), "%7E", "default",
            "-", "_", "a%09b", "a%0Ab", "a%7Fb", "%EF%BB%BF", "a%2F..%2F..%2Fadmin");

    static String segment(Random random) {
        return SEGMENTS.get(random.nextInt(SEGMENTS.size()));
    }

    /** Methods: unknown ones, lower case, WebDAV, very long; all valid method tokens (TRACE belongs to the HTTP layer). */
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "FOO", "get", "Post",
            "PROPFIND", "MKCOL", "M-SEARCH", "X".repeat(200), "GET!", "A_B", "QUERY", "LINK");

    static String method(Random random) {
        return METHODS.get(random.nextInt(METHODS.size()));
    }

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/json; charset=utf-16",
            "application/json; charset=nope", ";;;===", "application/json, text/plain", "application/*", "*/*", "",
            "application/problem+json", "application/json; x=\"unterminated", "application/vnd.api+json", "json");

    static final List<String> ACCEPTS = List.of(";;;", "application/json;q=abc", "application/xml", "text/html", "*/*;q=0",
            "application/json;q=0", "image/*", "application/problem+json", "x".repeat(3000), "application/json, */*;q=0.1");

    static final List<String> CREDENTIALS = List.of("Bearer", "Bearer ", "Bearer hh_live_", "Bearer hh_live_" + "A".repeat(40),
            "Basic YWRtaW46YWRtaW4=", "bearer nonsense", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "Bearer eyJ...",
            "Bearer " + "x".repeat(3000), "Digest username=\"a\"", "Bearer hh_test_x");

    static <T> T pick(Random random, List<T> pool) {
        return pool.get(random.nextInt(pool.size()));
    }

    private static Object nested(int depth, boolean arrays) {
        Object value = 1;
        for (int i = 0; i < depth; i++) {
            value = arrays ? arr(value) : obj("a", value);
        }
        return value;
    }

    private static Object nestedFilter(int depth) {
        Object filter = obj("must", arr(obj("key", "color", "match", "red")));
        for (int i = 0; i < depth; i++) {
            filter = obj("must", arr(filter));
        }
        return filter;
    }
}
