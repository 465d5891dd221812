package dev.vectorizer.bench.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One request of a fuzzing run: whom it is aimed at, what was broken in it ({@code mutation}), and
 * the bytes that go on the wire.
 */
record FuzzRequest(Family family, String mutation, String method, String target, byte[] body, byte[] bytes) {

    /** Who answers a request, and so which rules its answer must keep. */
    enum Family {
        /** Well-formed HTTP to the API: every answer is JSON, every error a problem document with the security headers, never a 5xx. */
        API,
        /**
         * GraphQL over HTTP: never a 5xx; every answer the security headers and a GraphQL response ({@code data} and/or
         * {@code errors}, each error with {@code extensions.code}), or a problem document for a refusal before GraphQL.
         */
        GRAPHQL,
        /**
         * MCP's Streamable HTTP: never a 5xx; every answer the security headers; a refused HTTP request a problem document,
         * a refused message a JSON-RPC error, an answer a JSON-RPC response (as JSON or as server-sent events).
         */
        MCP,
        /** HTTP that the HTTP layer (Grizzly, the servlet container's connector) refuses before any application runs. */
        HTTP_LAYER,
        /** The runtime's own endpoints ({@code /health}, {@code /metrics}, {@code /openapi}), served by Payara, not by the API. */
        RUNTIME
    }

    static FuzzRequest of(Family family, String mutation, Message message) {
        return new FuzzRequest(family, mutation, message.method(), message.target(), message.body(), message.bytes());
    }

    boolean isHead() {
        return method.equals("HEAD");
    }

    /** What was broken, method, target and the start of the body; printable and short. */
    String describe() {
        String bodyStart = body == null ? "" : " | " + printable(new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8))
                + (body.length > 80 ? "… (" + body.length + " bytes)" : "");
        return "(" + mutation + ") " + printable(shorten(method, 24)) + " " + printable(shorten(target, 120)) + bodyStart;
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + ")";
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == '|' || c == '`') {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
