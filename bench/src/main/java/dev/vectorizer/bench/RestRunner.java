package dev.vectorizer.bench;

import dev.vectorizer.domain.HnswSettings;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Our REST API end to end: the Payara Micro uber-jar as a child process (single-tenant mode unless
 * told otherwise, a fresh data directory, a free port on 127.0.0.1), durable ingest in batches of
 * 1000, then single-thread search with the JDK {@link HttpClient} (HTTP/1.1, one connection) at one
 * ef. In standalone mode, {@link #actAsNewTenant} makes every later call carry a tenant's key.
 */
final class RestRunner implements AutoCloseable {

    private final Process server;
    private final URI base;
    private String apiKey;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private RestRunner(Process server, URI base) {
        this.server = server;
        this.base = base;
    }

    /** Starts the server and waits (at most 5 minutes) until {@code /health/ready} answers 200. */
    static RestRunner start(Path jar, Path dataDir, Path log, List<String> extraJvmArgs) throws IOException, InterruptedException {
        return start(jar, dataDir, log, "single", extraJvmArgs);
    }

    static RestRunner start(Path jar, Path dataDir, Path log, String mode, List<String> extraJvmArgs)
            throws IOException, InterruptedException {
        int port = freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String jvmFlags = System.getProperty("vectorizer.jvm.flags"); // ./vectorizer java-flags, via bench/common.sh
        if (jvmFlags == null) {
            throw new IllegalStateException("vectorizer.jvm.flags is not set: start benchmarks with bench/run-*.sh");
        }
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(List.of(jvmFlags.trim().split("\\s+")));
        command.addAll(List.of("-Dvectorizer.mode=" + mode, "-Dvectorizer.data-dir=" + dataDir.toAbsolutePath()));
        command.addAll(extraJvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port), "--nocluster"));
        Log.info("REST: starting the server on port " + port + " (log: " + log + ")");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        RestRunner runner = new RestRunner(process, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (runner.http.send(HttpRequest.newBuilder(runner.base.resolve("/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    Log.info("REST: server ready");
                    return runner;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        runner.close();
        throw new IOException("the server was not ready within 5 minutes; see " + log);
    }

    /** Where the server listens: {@code http://127.0.0.1:<port>}. */
    URI base() {
        return base;
    }

    void createCollection(String name, int dimension, HnswSettings hnsw) throws IOException, InterruptedException {
        post("/api/collections", "{\"name\":\"" + name + "\",\"dimension\":" + dimension
                + ",\"metric\":\"cosine\",\"hnsw\":{\"m\":" + hnsw.m() + ",\"ef_construction\":" + hnsw.efConstruction() + "}}");
    }

    /** Upserts every base vector in batches of 1000; every 2xx means durable and searchable. */
    Ingest ingest(String name, float[][] vectors) throws IOException, InterruptedException {
        long elapsed = 0;
        for (int from = 0; from < vectors.length; from += OursInProcess.BATCH) {
            int to = Math.min(vectors.length, from + OursInProcess.BATCH);
            StringBuilder body = new StringBuilder((to - from) * vectors[from].length * 12).append("{\"vectors\":[");
            for (int i = from; i < to; i++) {
                body.append(i == from ? "" : ",").append("{\"id\":\"").append(i).append("\",\"vector\":");
                appendArray(body, vectors[i]);
                body.append('}');
            }
            String json = body.append("]}").toString();
            long start = System.nanoTime(); // the request only, not building its JSON
            post("/api/collections/" + name + "/vectors", json);
            elapsed += System.nanoTime() - start;
            if ((to / OursInProcess.BATCH) % 20 == 0) {
                Log.info("  REST: upserted " + to);
            }
        }
        return new Ingest("REST, durable upsert (batches of " + OursInProcess.BATCH + ")", vectors.length, elapsed / 1e9);
    }

    /** Recall (from an untimed pass that also warms up) and the QPS of each timed pass. */
    Sweep search(String name, DataSet data, int ef, int passes, int k) throws IOException, InterruptedException {
        List<HttpRequest> requests = new ArrayList<>();
        for (float[] q : data.queries()) {
            StringBuilder body = new StringBuilder("{\"vector\":");
            appendArray(body, q);
            body.append(",\"limit\":").append(k).append(",\"ef\":").append(ef).append(",\"with_payload\":false}");
            requests.add(HttpRequest.newBuilder(base.resolve("/api/collections/" + name + "/search"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        }
        double recall = 0;
        // untimed rounds warm the server's JIT up (at least 3000 requests); the last one measures recall
        int rounds = Math.max(2, (3000 + requests.size() - 1) / requests.size());
        for (int round = 0; round < rounds; round++) {
            recall = 0;
            for (int q = 0; q < requests.size(); q++) {
                recall += GroundTruth.recall(data.truth()[q], ids(send(requests.get(q))), k);
            }
        }
        List<Double> qps = new ArrayList<>();
        for (int p = 0; p < passes; p++) {
            long start = System.nanoTime();
            for (HttpRequest request : requests) {
                send(request);
            }
            qps.add(requests.size() / ((System.nanoTime() - start) / 1e9));
        }
        return new Sweep("ours REST", ef, recall / requests.size(), qps);
    }

    /** Standalone mode: with the administrator key of {@code dataDir}, create a tenant and a READ_WRITE key, and use it from now on. */
    void actAsNewTenant(Path dataDir, String tenant) throws IOException, InterruptedException {
        apiKey = Files.readString(dataDir.resolve("admin.key")).strip();
        post("/api/admin/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"" + tenant + "\"}");
        String issued = send(HttpRequest.newBuilder(base.resolve("/api/admin/tenants/" + tenant + "/keys"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"permissions\":[\"READ_WRITE\"]}")).build());
        try (JsonReader reader = Json.createReader(new StringReader(issued))) {
            apiKey = reader.readObject().getString("key");
        }
    }

    /** A search request for {@code query} (limit 10, no payload), with this runner's credentials. */
    HttpRequest searchRequest(String collection, float[] query, int ef) {
        StringBuilder body = new StringBuilder("{\"vector\":");
        appendArray(body, query);
        body.append(",\"limit\":10,\"ef\":").append(ef).append(",\"with_payload\":false}");
        return authorized(HttpRequest.newBuilder(base.resolve("/api/collections/" + collection + "/search"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))).build();
    }

    /** Sends {@code request} on this runner's client; fails unless the answer is 2xx. */
    String send(HttpRequest request) throws IOException, InterruptedException {
        if (apiKey != null && request.headers().firstValue("Authorization").isEmpty()) {
            request = authorized(HttpRequest.newBuilder(request, (name, value) -> true)).build();
        }
        return sendAsIs(request);
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return apiKey == null ? request : request.header("Authorization", "Bearer " + apiKey);
    }

    private String sendAsIs(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private void post(String path, String json) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static int[] ids(String body) {
        JsonArray results;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            results = reader.readObject().getJsonArray("results");
        }
        int[] ids = new int[results.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Integer.parseInt(results.getJsonObject(i).getString("id"));
        }
        return ids;
    }

    private static void appendArray(StringBuilder out, float[] values) {
        out.append('[');
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ",").append(values[i]);
        }
        out.append(']');
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops the server: SIGTERM, then a kill after 30 s. */
    @Override
    public void close() {
        server.destroy();
        try {
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

}
