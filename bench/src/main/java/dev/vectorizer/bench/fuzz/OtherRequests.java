package dev.vectorizer.bench.fuzz;

import dev.vectorizer.bench.fuzz.FuzzRequest.Family;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Requests that the API never sees: HTTP the HTTP layer refuses (a broken request line, bad framing,
 * a path it will not decode), and requests to the runtime's own endpoints.
 */
final class OtherRequests {

    private record Case(String name, BiFunction<Message, Random, Message> breaks) {
    }

    private static final String API = "/api/collections/fz/vectors/";

    /** Each case starts from a valid authenticated {@code GET} of a vector and breaks the HTTP around it. */
    private static final List<Case> HTTP_LAYER = List.of(
            new Case("backslash in the path", (m, r) -> m.target(API + Oddities.pick(r, List.of("a%5Cb", "a\\b", "%5C")))),
            new Case("NUL in the path", (m, r) -> m.target(API + "a%00b")),
            new Case("invalid UTF-8 in the path", (m, r) -> m.target(API + Oddities.pick(r, List.of("%ff%fe", "%C3%28", "%ED%A0%80", "\u00ff")))),
            new Case("invalid percent escape", (m, r) -> m.target(API + Oddities.pick(r, List.of("%zz", "a%", "%4", "%%")))),
            new Case("dots-only segment", (m, r) -> m.target(API + Oddities.pick(r, List.of("...", "%2e%2e%2e", "....")))),
            new Case("path ending in a dot segment", (m, r) -> m.target(API + Oddities.pick(r, List.of("v1/.", "v1/..", "v1/./..")))),
            new Case("content on GET, HEAD or DELETE", (m, r) -> m.method(Oddities.pick(r, ApiRequests.WITHOUT_CONTENT))
                    .header("Content-Type", "application/json").body("{}")),
            new Case("path above the root", (m, r) -> m.target(Oddities.pick(r, List.of("/../api/info", "/%2e%2e/%2e%2e/etc/passwd",
                    "/api/../../x", "/api/collections/..%2F..%2F..%2F..%2Fx")))),
            new Case("whitespace in the request line", (m, r) -> m.target(API + Oddities.pick(r, List.of("a b", "a\tb")))),
            new Case("not an origin-form target", (m, r) -> m.target(Oddities.pick(r, List.of("api/info", "*", "x:80", "")))),
            new Case("request target too long", (m, r) -> m.target(API + "x".repeat(20_000))),
            new Case("unknown HTTP version", (m, r) -> m.version(Oddities.pick(r, List.of("HTTP/9.9", "HTTP/1.x", "HTTPS/1.1", "http/1.1")))),
            new Case("TRACE", (m, r) -> m.method("TRACE")),
            new Case("no Host", (m, r) -> m.withoutHeader("Host")),
            new Case("LF line ends", (m, r) -> m.lineEnd("\n")),
            new Case("header too large", (m, r) -> m.header("X-Fuzz", "x".repeat(20_000))),
            new Case("control character in a header", (m, r) -> m.header("X-Fuzz", "a\u0001b")),
            new Case("non-ASCII header", (m, r) -> m.header("X-Fuzz", "\u00c3\u00bc")),
            new Case("header without colon", (m, r) -> m.header("X-Fuzz-No-Colon", null)),
            new Case("two different Content-Lengths", (m, r) -> m.method("PUT").header("Content-Type", "application/json")
                    .header("Content-Length", "2").header("Content-Length", "3").body("{}").noLength()),
            new Case("Content-Length not a number", (m, r) -> m.method("PUT").header("Content-Type", "application/json")
                    .body("{}").declaredLength(Oddities.pick(r, List.of("-1", "abc", "1e3", "99999999999999999999")))),
            new Case("broken chunk", (m, r) -> m.method("PUT").header("Content-Type", "application/json")
                    .header("Transfer-Encoding", "chunked").body("zz\r\n{}\r\n0\r\n\r\n").noLength()));

    private static final List<String> RUNTIME_TARGETS = List.of("/health", "/health/ready", "/health/live", "/health/started",
            "/health/x", "/health/a:b", "/metrics", "/metrics?scope=application", "/metrics?scope=x", "/openapi", "/openapi?format=JSON",
            "/openapi/x");

    private final Fixture fixture;
    private final Random random;

    OtherRequests(Fixture fixture, Random random) {
        this.fixture = fixture;
        this.random = random;
    }

    FuzzRequest httpLayer() {
        Case c = Oddities.pick(random, HTTP_LAYER);
        Message message = new Message("GET", API + "v1").header("Host", fixture.host)
                .header("Authorization", "Bearer " + fixture.readWriteKey).header("Connection", "close");
        return FuzzRequest.of(Family.HTTP_LAYER, c.name(), c.breaks().apply(message, random));
    }

    FuzzRequest runtime() {
        Message message = new Message(Oddities.pick(random, List.of("GET", "GET", "POST", "PUT", "DELETE", "FOO", "OPTIONS", "HEAD")),
                Oddities.pick(random, RUNTIME_TARGETS)).header("Host", fixture.host).header("Connection", "close");
        if (random.nextBoolean()) {
            message.header("Accept", Oddities.pick(random, Oddities.ACCEPTS));
        }
        if (!ApiRequests.WITHOUT_CONTENT.contains(message.method()) && random.nextBoolean()) {
            message.header("Content-Type", "application/json").body("{}");
        }
        return FuzzRequest.of(Family.RUNTIME, "runtime endpoint", message);
    }
}
