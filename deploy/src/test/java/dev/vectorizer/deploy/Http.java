package dev.vectorizer.deploy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client for end-to-end tests. */
final class Http {

    /** An answer: status, content type and body. */
    record Answer(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String key;
    private final HttpClient client;

    Http(URI base) {
        this(base, null, CLIENT);
    }

    private Http(URI base, String key, HttpClient client) {
        this.base = base;
        this.key = key;
        this.client = client;
    }

    /** The same client presenting {@code apiKey} as a bearer token. */
    Http withKey(String apiKey) {
        return new Http(base, apiKey, client);
    }

    /** The same client with its connections from {@code localAddress} (a loopback alias such as 127.0.0.2, which Linux routes). */
    Http from(String localAddress) {
        try {
            return new Http(base, key, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .localAddress(InetAddress.getByName(localAddress)).connectTimeout(Duration.ofSeconds(5)).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).DELETE());
    }

    Answer put(String path, String json) {
        return send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(resolve(path)).GET());
    }

    Answer post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Answer send(HttpRequest.Builder request) {
        try {
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI resolve(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }
}
