package dev.vectorizer.domain.json;

import java.util.Map;

/**
 * The defensive HTTP headers on every answer, whichever interface gives it (REST, GraphQL, MCP, or
 * the servlet container's own error pages): nothing is sniffed, framed or cached (answers are per
 * tenant), and no browser feature is granted.
 */
public final class DefensiveHeaders {

    /** The headers and their values. */
    public static final Map<String, String> VALUES = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
            "Referrer-Policy", "no-referrer",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()",
            "Cache-Control", "no-store");

    private DefensiveHeaders() {
    }
}
