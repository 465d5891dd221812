package dev.vectorizer.bench.harness;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * JSON over HTTP/1.1 to one server on a loopback address (it refuses any other), for the harnesses'
 * many concurrent clients. Every exchange gives a {@link Reply}, never an exception: a request that
 * got no answer (refused connection, reset, timeout) is a reply with status 0, whose effect on the
 * server is unknown. Each reply carries when it was sent and when its answer arrived
 * ({@link System#nanoTime()}), which is what the harnesses order operations by.
 */
public final class JsonClient {

    /** An answer, or none (status 0, {@code body} says why), its {@code Retry-After} header (null if none), and the interval it took. */
    public record Reply(int status, String body, String retryAfter, long sentNanos, long answeredNanos) {

        public boolean answered() {
            return status != 0;
        }

        public boolean ok() {
            return status / 100 == 2;
        }

        /** The problem's {@code error_type}, or null if the body is not a JSON object that has one. */
        public String errorType() {
            try {
                return json().getString("error_type", null);
            } catch (RuntimeException notAProblem) {
                return null;
            }
        }

        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        @Override
        public String toString() {
            return (answered() ? status + " " : "no answer: ") + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** Long: on a loaded machine a freshly started server's first answers take tens of seconds (JIT, lazy index opening). */
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final URI base;
    private final HttpClient http;

    /** A client of the server at {@code base}, which must be a loopback address. */
    public JsonClient(URI base) {
        requireLoopback(base);
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Throws unless {@code base} names a loopback address: the harnesses never send traffic elsewhere. */
    public static void requireLoopback(URI base) {
        try {
            if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("the harnesses only talk to loopback addresses, not " + base);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public URI base() {
        return base;
    }

    /** {@code method path} with {@code key} as bearer token (none if null) and {@code json} as body (none if null). */
    public Reply send(String method, String path, String key, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        long sent = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Retry-After").orElse(null), sent,
                    System.nanoTime());
        } catch (IOException e) {
            return new Reply(0, String.valueOf(e), null, sent, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, "interrupted", null, sent, System.nanoTime());
        }
    }

    /** Whether {@code /health/ready} answers 200. */
    public boolean ready() {
        return send("GET", "/health/ready", null, null).status() == 200;
    }
}
