package dev.vectorizer.bench.harness;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A vector as a harness writes it and expects it back: id, values and payload. Values are floats
 * printed with {@link Float#toString} (which reads back as the same float) and compared bit for bit;
 * payloads hold only strings and integers, compared as JSON values.
 */
public record Point(String id, float[] values, JsonObject payload) {

    /** A point with {@code dimension} Gaussian values from {@code random} (never all zero) and the payload {@code payloadJson}. */
    public static Point random(String id, int dimension, Random random, String payloadJson) {
        float[] values = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            values[i] = (float) random.nextGaussian();
        }
        values[0] = values[0] == 0 ? 1 : values[0];
        try (JsonReader reader = Json.createReader(new StringReader(payloadJson))) {
            return new Point(id, values, reader.readObject());
        }
    }

    /** The point {@code stored} (an element of a scroll's {@code vectors}, with its vector) holds. */
    public static Point of(JsonObject stored) {
        JsonArray vector = stored.getJsonArray("vector");
        float[] values = new float[vector.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) vector.getJsonNumber(i).doubleValue();
        }
        return new Point(stored.getString("id"), values, stored.getJsonObject("payload"));
    }

    /** The point as an element of an upsert's {@code vectors}. */
    public String json() {
        return "{\"id\":" + Json.createValue(id) + ",\"vector\":" + valuesJson(values) + ",\"payload\":" + payload + "}";
    }

    /** The body of an upsert of {@code points}. */
    public static String batch(Iterable<Point> points) {
        StringBuilder body = new StringBuilder("{\"vectors\":[");
        for (Point p : points) {
            body.append(body.length() > 12 ? "," : "").append(p.json());
        }
        return body.append("]}").toString();
    }

    public static String valuesJson(float[] values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            json.append(i == 0 ? "" : ",").append(values[i]);
        }
        return json.append(']').toString();
    }

    /** Whether {@code stored} (an element of a scroll's {@code vectors}, with its vector) is exactly this point. */
    public boolean sameAs(JsonObject stored) {
        return stored != null && stored.getJsonArray("vector") != null && equals(of(stored));
    }

    /**
     * Every vector of {@code collection}, with its values and payload, by id, read page by page with
     * {@code scroll}; throws if a page is refused (the harnesses read only when nothing else runs).
     */
    public static Map<String, JsonObject> readAll(JsonClient client, String key, String collection) {
        Map<String, JsonObject> stored = new LinkedHashMap<>();
        String cursor = null;
        do {
            String body = "{\"limit\":1000,\"with_vector\":true" + (cursor == null ? "" : ",\"cursor\":" + Json.createValue(cursor)) + "}";
            JsonClient.Reply page = client.send("POST", "/api/collections/" + collection + "/scroll", key, body);
            if (page.status() != 200) {
                throw new IllegalStateException("scroll of " + collection + ": " + page);
            }
            JsonObject json = page.json();
            json.getJsonArray("vectors").getValuesAs(JsonObject.class).forEach(v -> stored.put(v.getString("id"), v));
            cursor = json.containsKey("next_cursor") ? json.getString("next_cursor") : null;
        } while (cursor != null);
        return stored;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Point p && id.equals(p.id) && Arrays.equals(values, p.values) && payload.equals(p.payload);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return id + " " + Arrays.toString(values) + " " + payload;
    }
}
