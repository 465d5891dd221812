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
 * told otherwise, a data directory, a free port on 127.0.0.1), durable ingest in batches of 1000 and
 * the recall of the API's answers, with the JDK {@link HttpClient}; search throughput is measured with
 * wrk ({@link WrkRunner}), not with this client. In standalone mode, {@link #actAsNewTenant} makes every
 * later call carry a tenant's key. {@link #readySeconds} is the cold start: from the process start to
 * the first 200 of {@code /health/ready}.
 */
final class RestRunner implements AutoCloseable {

    static final String INGEST_PATH = "REST, durable upsert (batches of " + OursInProcess.BATCH + ")";

    private final Process server;
    private final URI base;
    private double readySeconds;
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
        List<String> args = new ArrayList<>(List.of("-Dvectorizer.mode=" + mode, "-Dvectorizer.data-dir=" + dataDir.toAbsolutePath()));
        args.addAll(extraJvmArgs);
        return launch(args, List.of("-jar", jar.toString()), log);
    }

    /**
     * Starts {@code java <project JVM flags> <jvmArgs> <jarArgs> --port P --nocluster} and waits (at most 5
     * minutes) until {@code /health/ready} answers 200, polling every 20 ms.
     */
    static RestRunner launch(List<String> jvmArgs, List<String> jarArgs, Path log) throws IOException, InterruptedException {
        int port = freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String jvmFlags = System.getProperty("vectorizer.jvm.flags"); // ./vectorizer java-flags, via bench/common.sh
        if (jvmFlags == null) {
            throw new IllegalStateException("vectorizer.jvm.flags is not set: start benchmarks with bench/run-*.sh");
        }
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(List.of(jvmFlags.trim().split("\\s+")));
        command.addAll(jvmArgs);
        command.addAll(jarArgs);
        command.addAll(List.of("--port", Integer.toString(port), "--nocluster", "--mcport", Integer.toString(port)));
        Log.info("REST: starting " + String.join(" ", jarArgs) + " on port " + port + " (log: " + log + ")");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly)); // also when the benchmark is killed
        RestRunner runner = new RestRunner(process, URI.create("http://127.0.0.1:" + port));
        long deadline = start + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (runner.http.send(HttpRequest.newBuilder(runner.base.resolve("/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    runner.readySeconds = (System.nanoTime() - start) / 1e9;
                    Log.info(String.format("REST: ready after %.1f s", runner.readySeconds));
                    return runner;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        runner.close();
        throw new IOException("the server was not ready within 5 minutes; see " + log);
    }

    /** Seconds from the process start to the first 200 of {@code /health/ready}. */
    double readySeconds() {
        return readySeconds;
    }

    /** The server process (for its CPU time). */
    ProcessHandle process() {
        return server.toHandle();
    }

    /** Where the server listens: {@code http://127.0.0.1:<port>}. */
    URI base() {
        return base;
    }

    void createCollection(String name, int dimension, HnswSettings hnsw) throws IOException, InterruptedException {
        post("/api/collections", "{\"name\":\"" + name + "\",\"dimension\":" + dimension
                + ",\"metric\":\"cosine\",\"hnsw\":{\"m\":" + hnsw.m() + ",\"ef_construction\":" + hnsw.efConstruction() + "}}");
    }

    /** A collection that embeds text with the built-in model; returns the milliseconds of its first text search (the model loads then). */
    double firstTextSearchMillis(String name) throws IOException, InterruptedException {
        post("/api/collections", "{\"name\":\"" + name + "\",\"dimension\":384,\"metric\":\"cosine\",\"embedding_model\":\"all-minilm-l6-v2\"}");
        long start = System.nanoTime();
        post("/api/collections/" + name + "/search", "{\"text\":\"how fast is the first search\",\"limit\":10}");
        return (System.nanoTime() - start) / 1e6;
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
                body.append(",\"payload\":{\"bucket\":").append(i % 100).append("}}");
            }
            String json = body.append("]}").toString();
            long start = System.nanoTime(); // the request only, not building its JSON
            post("/api/collections/" + name + "/vectors", json);
            elapsed += System.nanoTime() - start;
            if ((to / OursInProcess.BATCH) % 20 == 0) {
                Log.info("  REST: upserted " + to);
            }
        }
        return new Ingest(INGEST_PATH, vectors.length, elapsed / 1e9);
    }

    /** The JSON body of a search for {@code query} (limit {@code k}, no payload). */
    static String searchBody(float[] query, int k, int ef) {
        StringBuilder body = new StringBuilder("{\"vector\":");
        appendArray(body, query);
        return body.append(",\"limit\":").append(k).append(",\"ef\":").append(ef).append(",\"with_payload\":false}").toString();
    }

    /** The recall@k of the API's answers to every query at {@code ef} (one pass, which also warms the server up). */
    double recall(String name, DataSet data, int ef, int k) throws IOException, InterruptedException {
        double recall = 0;
        for (int q = 0; q < data.queries().length; q++) {
            String answer = send(HttpRequest.newBuilder(base.resolve("/api/collections/" + name + "/search"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(searchBody(data.queries()[q], k, ef))).build());
            recall += GroundTruth.recall(data.truth()[q], ids(answer), k);
        }
        return recall / data.queries().length;
    }

    /**
     * Standalone mode: with the administrator key of {@code dataDir}, create a tenant on the plan
     * {@code quota} (a JSON object of limits) and a READ_WRITE key, and use it from now on.
     */
    void actAsNewTenant(Path dataDir, String tenant, String quota) throws IOException, InterruptedException {
        apiKey = Files.readString(dataDir.resolve("admin.key")).strip();
        post("/api/admin/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"" + tenant + "\",\"quota\":" + quota + "}");
        String issued = send(HttpRequest.newBuilder(base.resolve("/api/admin/tenants/" + tenant + "/keys"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"permissions\":[\"READ_WRITE\"]}")).build());
        try (JsonReader reader = Json.createReader(new StringReader(issued))) {
            apiKey = reader.readObject().getString("key");
        }
    }

    /** A search request for {@code query} (limit 10, no payload), with this runner's credentials. */
    HttpRequest searchRequest(String collection, float[] query, int ef) {
        return authorized(HttpRequest.newBuilder(base.resolve("/api/collections/" + collection + "/search"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(searchBody(query, 10, ef)))).build();
    }

    /** A request to {@code path} of this server (with this runner's credentials once sent). */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(30));
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
