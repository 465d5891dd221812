package dev.vectorizer.deploy;

import static dev.vectorizer.deploy.ServerOnPayaraMicroIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vectorizer.bench.harness.TarGz;
import dev.vectorizer.bench.harness.TarGz.Entry;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Backups end to end, on one server (restarted once, for the crash): round trip, consistency while
 * writes go on, isolation and permissions, downloads, uploads good and bad, retention, a backup
 * larger than the heap, quota refusal and a kill -9 in the middle of a backup and an upload. The tests build on
 * each other's data, so they run in order. Over 300 lines: one server for the whole suite keeps it
 * fast, and splitting the scenario would repeat its set-up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupIT {

    private static final String BACKUPS = "api/hub/backups";
    private static final long UNPACK_LIMIT = 64L << 20;
    /** The big collection: payloads of random text, which gzip cannot shrink much. */
    private static final int BIG_BATCHES = 42;
    private static final int BIG_BATCH = 100;
    private static final int BIG_PAYLOAD = 45_000; // random bytes per vector, base64: 60,000 characters
    private static final String SMALL_HEAP = "-Xmx160m";
    private static final long SMALL_HEAP_BYTES = 160L << 20;

    private Path workDir;
    private ServerProcess server;
    private Http admin;
    private final Map<String, Http> as = new TreeMap<>();
    private String nightly;
    private String big;

    private static List<String> serverArgs(String... more) {
        return Stream.concat(Stream.of("-Dvectorizer.auth.brute-force.max-failures=1000", "-Dvectorizer.backup.retention.max-count=3",
                "-Dvectorizer.backup.max-unpacked-bytes=" + UNPACK_LIMIT, "-Dvectorizer.storage.commit-interval=2s"), Stream.of(more)).toList();
    }

    @BeforeAll
    void start() throws Exception {
        workDir = Files.createTempDirectory("vectorizer-backup-it");
        server = new ServerProcess(workDir, serverArgs().toArray(String[]::new)).start();
        connect();
        for (String tenant : List.of("acme", "globex", "initech")) {
            assertThat(admin.postJson("api/admin/tenants", "{\"id\":\"" + tenant + "\",\"name\":\"" + tenant + "\"}").status()).isEqualTo(201);
            for (String permission : List.of("READ_WRITE", "ADMIN", "READ_ONLY")) {
                Http.Answer key = admin.postJson("api/admin/tenants/" + tenant + "/keys", "{\"permissions\":[\"" + permission + "\"]}");
                assertThat(key.status()).isEqualTo(201);
                Files.writeString(workDir.resolve(tenant + "-" + permission + ".key"), key.json().getString("key"));
            }
        }
        connect();
    }

    /** Clients of the current server, with the keys issued at the start. */
    private void connect() throws Exception {
        Http anonymous = server.http();
        admin = anonymous.withKey(Files.readString(workDir.resolve("data/admin.key")).strip());
        try (Stream<Path> keys = Files.list(workDir)) {
            for (Path key : keys.filter(p -> p.toString().endsWith(".key")).toList()) {
                as.put(key.getFileName().toString().replace(".key", ""), anonymous.withKey(Files.readString(key).strip()));
            }
        }
    }

    private Http as(String tenant, String permission) {
        return as.get(tenant + "-" + permission);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void aRestoredCollectionAnswersExactlyAsTheOriginalDid() throws Exception {
        Http rw = as("acme", "READ_WRITE");
        Http owner = as("acme", "ADMIN");
        createCollection(rw, "docs", "{\"name\":\"docs\",\"dimension\":4,\"metric\":\"cosine\",\"quantization\":\"int8\"}", 200);
        createCollection(rw, "extra", "{\"name\":\"extra\",\"dimension\":4,\"metric\":\"euclidean\"}", 10);
        String query = "{\"vector\":[1,2,3,4],\"limit\":20,\"filter\":{\"must\":[{\"key\":\"tag\",\"match\":\"even\"}]}}";
        String before = rw.postJson("api/collections/docs/search", query).body();

        Http.Answer started = rw.postJson(BACKUPS, "{\"name\":\"nightly\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().getString("status")).isEqualTo("running");
        assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith(BACKUPS + "/" + started.json().getString("id"));
        nightly = started.json().getString("id");
        JsonObject ready = awaitDone(rw, nightly);
        assertThat(ready.getString("status")).isEqualTo("ready");
        assertThat(ready.getJsonArray("collections").getValuesAs(JsonValue::toString)).containsExactly("\"docs\"", "\"extra\"");
        assertThat(ready.getInt("vector_count")).isEqualTo(210);
        assertThat(ready.getInt("format_version")).isEqualTo(1);
        assertThat(ready.getString("sha256")).matches("[0-9a-f]{64}");
        assertThat(rw.get(BACKUPS).json().getJsonArray("backups").getJsonObject(0)).isEqualTo(ready);

        assertThat(rw.delete("api/collections/docs").status()).isEqualTo(204);
        assertProblem(rw.postJson(BACKUPS + "/restore", "{\"backup_id\":\"" + nightly + "\"}"), 403, "FORBIDDEN");
        Http.Answer restored = owner.postJson(BACKUPS + "/restore", "{\"backup_id\":\"" + nightly + "\",\"collections\":[\"docs\"]}");
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.json().getJsonArray("restored").getJsonObject(0).getInt("vector_count")).isEqualTo(200);
        assertThat(rw.postJson("api/collections/docs/search", query).body()).isEqualTo(before);
        assertThat(rw.get("api/collections/docs").json().getInt("vector_count")).isEqualTo(200);
        assertThat(rw.get("api/collections/docs").json().getString("quantization")).isEqualTo("int8");
        assertThat(rw.get("api/collections/docs/vectors/v7").json().getJsonObject("payload").getInt("n")).isEqualTo(7);

        assertProblem(owner.postJson(BACKUPS + "/restore", "{\"backup_id\":\"" + nightly + "\"}"), 409, "CONFLICT");
        assertThat(owner.postJson(BACKUPS + "/restore", "{\"backup_id\":\"" + nightly + "\",\"collections\":[\"docs\"],\"rename\":{\"docs\":\"docs-copy\"}}")
                .status()).isEqualTo(200);
        assertThat(rw.postJson("api/collections/docs-copy/search", query).body()).isEqualTo(before);
        assertThat(rw.postJson("api/collections/docs/vectors", "{\"vectors\":[{\"id\":\"later\",\"vector\":[1,1,1,1]}]}").status()).isEqualTo(200);
        Http.Answer replaced = owner.postJson(BACKUPS + "/restore", "{\"backup_id\":\"" + nightly + "\",\"replace\":true}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().getJsonArray("restored").getJsonObject(0).getBoolean("replaced")).isTrue();
        assertThat(rw.get("api/collections/docs/vectors/later").status()).isEqualTo(404);
        assertThat(rw.get("api/collections/docs").json().getInt("vector_count")).isEqualTo(200);
        assertProblem(owner.postJson(BACKUPS + "/restore", "{\"backup_id\":\"" + nightly + "\",\"collections\":[\"nope\"]}"), 404, "NOT_FOUND");
    }

    @Test
    @Order(2)
    void aBackupTakenWhileWritesGoOnHoldsWholeBatchesUpToOneMoment() throws Exception {
        Http rw = as("acme", "READ_WRITE");
        createCollection(rw, "stream", "{\"name\":\"stream\",\"dimension\":4}", 0);
        AtomicInteger written = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int b = 0; b < 400 && !stop.get(); b++) {
                int batch = b;
                String body = IntStream.range(0, 20).mapToObj(i -> "{\"id\":\"s" + batch + "-" + i + "\",\"vector\":[1," + i + ",2," + batch
                        + "],\"payload\":{\"batch\":" + batch + "}}").collect(Collectors.joining(",", "{\"vectors\":[", "]}"));
                assertThat(rw.postJson("api/collections/stream/vectors", body).status()).isEqualTo(200);
                written.incrementAndGet();
            }
        });
        while (written.get() < 10 && !writer.isDone()) {
            Thread.sleep(20);
        }
        String id = rw.postJson(BACKUPS, "{\"name\":\"during writes\",\"collections\":[\"stream\"]}").json().getString("id");
        JsonObject ready = awaitDone(rw, id);
        stop.set(true);
        writer.join();
        assertThat(ready.getString("status")).isEqualTo("ready");

        assertThat(as("acme", "ADMIN").postJson(BACKUPS + "/restore",
                "{\"backup_id\":\"" + id + "\",\"rename\":{\"stream\":\"stream-copy\"}}").status()).isEqualTo(200);
        Map<Integer, Integer> perBatch = new TreeMap<>();
        for (JsonObject vector : scrollAll(rw, "stream-copy")) {
            perBatch.merge(vector.getJsonObject("payload").getInt("batch"), 1, Integer::sum);
        }
        assertThat(perBatch.values()).as("no batch torn").allMatch(n -> n == 20);
        assertThat(perBatch.keySet()).as("every batch before the moment, none after").containsExactlyElementsOf(
                IntStream.range(0, perBatch.size()).boxed().toList());
        assertThat(perBatch.size()).isGreaterThanOrEqualTo(10);
        assertThat(perBatch.size() * 20).isEqualTo(ready.getInt("vector_count"));
    }

    @Test
    @Order(3)
    void anotherTenantsBackupDoesNotExistForItAndPermissionsFollowTheMatrix() {
        Http globex = as("globex", "ADMIN");
        for (Http.Answer answer : List.of(globex.get(BACKUPS + "/" + nightly), globex.get(BACKUPS + "/" + nightly + "/download"),
                globex.delete(BACKUPS + "/" + nightly), globex.postJson(BACKUPS + "/restore", "{\"backup_id\":\"" + nightly + "\"}"),
                globex.get(BACKUPS + "/not-an-id"))) {
            assertProblem(answer, 404, "NOT_FOUND");
        }
        assertThat(globex.get(BACKUPS).body()).doesNotContain(nightly);
        assertThat(as("acme", "READ_WRITE").get(BACKUPS + "/" + nightly).status()).isEqualTo(200);
        assertProblem(as("acme", "READ_ONLY").get(BACKUPS), 403, "FORBIDDEN");
        assertProblem(as("acme", "READ_ONLY").postJson(BACKUPS, "{\"name\":\"x\"}"), 403, "FORBIDDEN");
        assertProblem(as("acme", "READ_WRITE").delete(BACKUPS + "/" + nightly), 403, "FORBIDDEN");
        assertProblem(admin.get(BACKUPS), 403, "FORBIDDEN");
        assertProblem(as("acme", "READ_WRITE").postJson(BACKUPS, "{\"name\":\"x\",\"collections\":[\"nope\"]}"), 404, "NOT_FOUND");
    }

    @Test
    @Order(4)
    void aDownloadIsTheArchiveWithItsLengthAndChecksumAndRangesOfIt() {
        Http rw = as("acme", "READ_WRITE");
        JsonObject backup = rw.get(BACKUPS + "/" + nightly).json();
        HttpResponse<byte[]> whole = download(rw, nightly, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/gzip");
        assertThat(whole.headers().firstValueAsLong("Content-Length").orElseThrow()).isEqualTo(backup.getJsonNumber("size_bytes").longValue())
                .isEqualTo(whole.body().length);
        assertThat(whole.headers().firstValue("X-Backup-SHA256").orElseThrow()).isEqualTo(backup.getString("sha256"))
                .isEqualTo(TarGz.sha256(whole.body()));
        List<Entry> items = TarGz.read(whole.body());
        assertThat(items.getFirst().name()).isEqualTo("manifest.json");
        assertThat(items.getFirst().text()).contains("\"format_version\":1", "\"tenant\":\"acme\"", "\"name\":\"docs\"");
        assertThat(items).extracting(Entry::name).allMatch(name -> name.equals("manifest.json") || name.matches("collections/(docs|extra)/[^/]+"));

        HttpResponse<byte[]> part = download(rw, nightly, "bytes=10-99");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range").orElseThrow()).isEqualTo("bytes 10-99/" + whole.body().length);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(whole.body(), 10, 100));
        assertThat(download(rw, nightly, "bytes=" + whole.body().length + "-").statusCode()).isEqualTo(416);
        assertThat(download(rw, nightly, "bytes=-0").statusCode()).isEqualTo(416);
        HttpResponse<byte[]> tail = download(rw, nightly, "bytes=10-99999999999999999999999");
        assertThat(tail.statusCode()).as("a last position past the end is the end").isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(whole.body(), 10, whole.body().length));
        for (String ignored : List.of("bytes=5-3", "bytes=0-1,5-9", "items=0-9", "bytes=x-y")) { // invalid, several, other units: the whole archive
            HttpResponse<byte[]> everything = download(rw, nightly, ignored);
            assertThat(everything.statusCode()).as(ignored).isEqualTo(200);
            assertThat(everything.headers().firstValue("Content-Range")).as(ignored).isEmpty();
            assertThat(everything.body()).as(ignored).isEqualTo(whole.body());
        }
    }

    @Test
    @Order(5)
    void anUploadedBackupRestoresIntoTheUploadersTenantOnly() {
        byte[] archive = download(as("acme", "READ_WRITE"), nightly, null).body();
        Http globex = as("globex", "READ_WRITE");
        Http.Answer uploaded = upload(globex, archive, TarGz.sha256(archive));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.json().getString("status")).isEqualTo("ready");
        assertThat(uploaded.json().getString("sha256")).isEqualTo(TarGz.sha256(archive));
        assertThat(uploaded.json().getInt("vector_count")).isEqualTo(210);
        String id = uploaded.json().getString("id");
        assertThat(as("acme", "READ_WRITE").get(BACKUPS).body()).doesNotContain(id);

        Http.Answer restored = as("globex", "ADMIN").postJson(BACKUPS + "/restore", "{\"backup_id\":\"" + id + "\"}");
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(globex.get("api/collections/docs").json().getInt("vector_count")).isEqualTo(200);
        assertThat(globex.get("api/collections/extra").json().getInt("vector_count")).isEqualTo(10);
        assertThat(as("acme", "READ_WRITE").get("api/collections/docs").json().getInt("vector_count")).as("acme untouched").isEqualTo(200);
        assertThat(globex.get("api/collections").body()).doesNotContain("stream");

        Http.Answer form = multipart(globex, archive);
        assertThat(form.status()).as(form.body()).isEqualTo(201);
        assertThat(form.json().getString("sha256")).isEqualTo(TarGz.sha256(archive));
    }

    @Test
    @Order(6)
    void aBadUploadIsRefusedAndLeavesNothingBehind() throws Exception {
        byte[] good = download(as("acme", "READ_WRITE"), nightly, null).body();
        List<Entry> items = TarGz.read(good);
        String manifest = items.getFirst().text();
        Entry aFile = items.get(1);
        byte[] flipped = aFile.content().clone();
        flipped[flipped.length / 2] ^= 1;
        byte[] corrupted = good.clone();
        corrupted[corrupted.length / 2] ^= 0x55;
        Http globex = as("globex", "READ_WRITE");
        String listed = globex.get(BACKUPS).body();
        List<String> filesBefore = files(workDir.resolve("data/backups/globex"));

        Map<String, byte[]> refused = new TreeMap<>();
        refused.put("corrupted", corrupted);
        refused.put("truncated", Arrays.copyOf(good, good.length / 2));
        refused.put("not gzip", "hello".getBytes(StandardCharsets.UTF_8));
        refused.put("path traversal", withExtra(items, Entry.file("collections/docs/../../../../escaped", new byte[1])));
        refused.put("absolute path", withExtra(items, Entry.file("/tmp/escaped", new byte[1])));
        refused.put("link", withExtra(items, Entry.link("collections/docs/link", "/etc/passwd")));
        refused.put("unknown format", manifestChanged(items, manifest.replace("\"format_version\":1", "\"format_version\":2")));
        refused.put("dimension", manifestChanged(items, manifest.replace("\"name\":\"docs\",\"dimension\":4", "\"name\":\"docs\",\"dimension\":3")));
        refused.put("file checksum", TarGz.write(TarGz.replace(items, aFile.name(), Entry.file(aFile.name(), flipped))));
        refused.put("missing file", TarGz.write(items.stream().filter(i -> i != aFile).toList()));
        for (Map.Entry<String, byte[]> bad : refused.entrySet()) {
            Http.Answer answer = upload(globex, bad.getValue(), null);
            assertThat(answer.status()).as(bad.getKey() + ": " + answer.body()).isEqualTo(400);
            assertProblem(answer, 400, "VALIDATION_ERROR");
        }
        assertThat(upload(globex, refused.get("unknown format"), null).json().getString("detail")).contains("format_version 2");
        assertThat(upload(globex, refused.get("dimension"), null).json().getString("detail")).contains("dimension");
        assertProblem(upload(globex, good, "0".repeat(64)), 400, "VALIDATION_ERROR");
        byte[] zeros = new byte[(int) UNPACK_LIMIT + 1024]; // a few KiB once compressed
        List<Entry> bomb = new ArrayList<>(TarGz.replace(items, "manifest.json", Entry.file("manifest.json", manifest.replaceFirst(
                "\"files\":\\[", "\"files\":[{\"path\":\"collections/docs/_9.bomb\",\"size\":" + zeros.length + ",\"sha256\":\""
                        + TarGz.sha256(zeros) + "\"},").getBytes(StandardCharsets.UTF_8))));
        bomb.add(Entry.file("collections/docs/_9.bomb", zeros));
        assertProblem(upload(globex, TarGz.write(bomb), null), 413, "PAYLOAD_TOO_LARGE");
        assertThat(upload(globex, withExtra(items, Entry.file("collections/docs/_9.unlisted", new byte[10])), null).json().getString("detail"))
                .contains("not in the manifest");

        assertThat(globex.get(BACKUPS).body()).isEqualTo(listed);
        assertThat(files(workDir.resolve("data/backups/globex"))).isEqualTo(filesBefore);
        assertThat(files(workDir.resolve("data/tmp/restore"))).isEmpty();
        assertThat(globex.get("api/collections").json().getJsonArray("collections")).hasSize(2);
    }

    @Test
    @Order(7)
    void theOldestBackupsArePrunedAndADeletedTenantsBackupsAreGone() throws Exception {
        Http rw = as("initech", "READ_WRITE");
        createCollection(rw, "small", "{\"name\":\"small\",\"dimension\":4}", 5);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(rw.postJson(BACKUPS, "{\"name\":\"b" + i + "\"}").json().getString("id"));
            assertThat(awaitDone(rw, ids.getLast()).getString("status")).isEqualTo("ready");
        }
        awaitList(rw, list -> list.size() == 3);
        assertThat(rw.get(BACKUPS).json().getJsonArray("backups").stream().map(b -> b.asJsonObject().getString("id")).toList())
                .as("newest first, the oldest pruned").containsExactly(ids.get(3), ids.get(2), ids.get(1));
        assertProblem(rw.get(BACKUPS + "/" + ids.getFirst()), 404, "NOT_FOUND");
        assertThat(files(workDir.resolve("data/backups/initech"))).hasSize(3);

        assertThat(admin.delete("api/admin/tenants/initech").status()).isEqualTo(204);
        assertThat(workDir.resolve("data/backups/initech")).doesNotExist();
    }

    @Test
    @Order(8)
    void aCrashInTheMiddleOfABackupLeavesItFailedAndALargeBackupStreamsThroughASmallHeap() throws Exception {
        Http rw = as("acme", "READ_WRITE");
        Random random = new Random(42);
        createCollection(rw, "big", "{\"name\":\"big\",\"dimension\":4}", 0);
        for (int b = 0; b < BIG_BATCHES; b++) {
            StringBuilder body = new StringBuilder("{\"vectors\":[");
            for (int i = 0; i < BIG_BATCH; i++) {
                byte[] noise = new byte[BIG_PAYLOAD];
                random.nextBytes(noise);
                body.append(i == 0 ? "" : ",").append("{\"id\":\"g").append(b).append('-').append(i).append("\",\"vector\":[1,").append(i)
                        .append(',').append(b).append(",1],\"payload\":{\"noise\":\"").append(Base64.getEncoder().encodeToString(noise)).append("\"}}");
            }
            assertThat(rw.postJson("api/collections/big/vectors", body.append("]}").toString()).status()).isEqualTo(200);
        }
        big = rw.postJson(BACKUPS, "{\"name\":\"big\",\"collections\":[\"big\"]}").json().getString("id");
        assertThat(awaitDone(rw, big).getString("status")).isEqualTo("ready");

        // killed while an upload and a backup are under way (a restore cut short: CrashLeftoversTest); the upload
        // is a raw request that declares the whole archive and sends half, then nothing until the kill
        byte[] archive = download(rw, nightly, null).body();
        URI upload = rw.resolve(BACKUPS + "/upload");
        String interrupted;
        try (Socket stalled = new Socket(upload.getHost(), upload.getPort())) {
            OutputStream out = stalled.getOutputStream();
            out.write(("POST " + upload.getRawPath() + " HTTP/1.1\r\nHost: " + upload.getAuthority() + "\r\nAuthorization: Bearer "
                    + Files.readString(workDir.resolve("globex-READ_WRITE.key")).strip() + "\r\nContent-Type: application/gzip\r\n"
                    + "Content-Length: " + archive.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(archive, 0, archive.length / 2);
            out.flush();
            awaitFiles(workDir.resolve("data/backups/globex"), f -> f.endsWith(".partial"));
            interrupted = rw.postJson(BACKUPS, "{\"name\":\"cut short\",\"collections\":[\"big\"]}").json().getString("id");
            awaitBackup(rw, interrupted, b -> b.getJsonNumber("progress").doubleValue() > 0 || !"running".equals(b.getString("status")));
            assertThat(rw.get(BACKUPS + "/" + interrupted).json().getString("status")).as("still running when killed").isEqualTo("running");
            server.kill();
        }
        String lostUpload = UUID.randomUUID().toString(); // an upload whose archive was committed, not its record
        Files.write(workDir.resolve("data/backups/acme/" + lostUpload + ".tar.gz"), archive);

        // the same data on a server with a small heap and a default max_backups the tenant is at or over
        server = new ServerProcess(Files.createDirectories(workDir.resolve("restarted")), serverArgs(SMALL_HEAP,
                "-Dvectorizer.data-dir=" + workDir.resolve("data"), "-Dvectorizer.quota.default.max-backups=2").toArray(String[]::new))
                .start();
        connect();
        rw = as("acme", "READ_WRITE");
        assertThat(rw.get(BACKUPS + "/" + interrupted).json().getString("status")).isEqualTo("failed");
        assertThat(files(workDir.resolve("data/backups/acme"))).noneMatch(f -> f.contains(interrupted) || f.endsWith(".partial"));
        assertThat(files(workDir.resolve("data/tmp"))).isEmpty();
        assertProblem(rw.get(BACKUPS + "/" + interrupted + "/download"), 409, "CONFLICT");
        assertCleanAfterTheCrash(rw, "acme");
        assertCleanAfterTheCrash(as("globex", "READ_WRITE"), "globex");
        assertThat(rw.get(BACKUPS).body()).doesNotContain(lostUpload);

        JsonObject large = rw.get(BACKUPS + "/" + big).json();
        long size = large.getJsonNumber("size_bytes").longValue();
        assertThat(size).as("the archive is larger than the server's heap").isGreaterThan(SMALL_HEAP_BYTES);
        HttpResponse<InputStream> streamed = rw.exchange(HttpRequest.newBuilder(rw.resolve(BACKUPS + "/" + big + "/download")).GET(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(streamed.statusCode()).isEqualTo(200);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long received = 0;
        try (InputStream in = streamed.body()) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                received += n;
            }
        }
        assertThat(received).isEqualTo(size);
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(large.getString("sha256"));

        Http.Answer refused = rw.postJson(BACKUPS, "{\"name\":\"over quota\",\"collections\":[\"docs\"]}");
        assertProblem(refused, 429, "QUOTA_EXCEEDED");
        assertThat(refused.json().getString("quota")).isEqualTo("max_backups");
        assertThat(refused.json().getJsonNumber("limit").longValue()).isEqualTo(2);
        assertThat(rw.get(BACKUPS).body()).doesNotContain("over quota");
        JsonObject backupQuota = rw.get("api/hub/usage/quota").json().getJsonObject("quotas").getJsonObject("max_backups");
        assertThat(backupQuota.getInt("limit")).isEqualTo(2);
        assertThat(backupQuota.getInt("used")).isEqualTo(refused.json().getInt("used"));

        // deleting backups gives the room back
        Http owner = as("acme", "ADMIN");
        for (JsonValue listed : rw.get(BACKUPS).json().getJsonArray("backups")) {
            String id = listed.asJsonObject().getString("id");
            if (!id.equals(big)) {
                assertThat(owner.delete(BACKUPS + "/" + id).status()).isEqualTo(204);
            }
        }
        assertThat(rw.postJson(BACKUPS, "{\"name\":\"room again\",\"collections\":[\"docs\"]}").status()).isEqualTo(202);
    }

    /**
     * After a crash, the tenant's listings and usage agree with its disk: each archive is a ready backup
     * listed, each collection directory a listed collection (one each), nothing unsettled; none running.
     */
    private void assertCleanAfterTheCrash(Http http, String tenant) throws Exception {
        List<JsonObject> backups = http.get(BACKUPS).json().getJsonArray("backups").getValuesAs(JsonObject.class);
        assertThat(backups).extracting(b -> b.getString("status")).doesNotContain("running");
        assertThat(files(workDir.resolve("data/backups/" + tenant))).containsExactlyInAnyOrderElementsOf(
                backups.stream().filter(b -> b.getString("status").equals("ready")).map(b -> b.getString("id") + ".tar.gz").toList());
        List<JsonObject> collections = http.get("api/collections").json().getJsonArray("collections").getValuesAs(JsonObject.class);
        try (Stream<Path> dirs = Files.list(workDir.resolve("data/tenants/" + tenant))) {
            assertThat(dirs.map(d -> d.getFileName().toString().split("\\.")[0]).toList()).as("collection directories")
                    .containsExactlyInAnyOrderElementsOf(collections.stream().map(c -> c.getString("name")).toList());
        }
        assertThat(files(workDir.resolve("data/unsettled"))).isEmpty();
        JsonObject quotas = http.get("api/hub/usage/quota").json().getJsonObject("quotas");
        assertThat(quotas.getJsonObject("max_backups").getInt("used")).isEqualTo(backups.size());
        assertThat(quotas.getJsonObject("max_collections").getInt("used")).isEqualTo(collections.size());
        assertThat(quotas.getJsonObject("max_vectors").getJsonNumber("used").longValue())
                .isEqualTo(collections.stream().mapToLong(c -> c.getJsonNumber("vector_count").longValue()).sum());
    }

    /** Waits (at most a minute) until a file under {@code dir} matches. */
    private static void awaitFiles(Path dir, Predicate<String> wanted) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (files(dir).stream().anyMatch(wanted)) {
                    return;
                }
            } catch (java.io.IOException | java.io.UncheckedIOException changedMeanwhile) {
                // a directory went while it was read: look again
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such file under " + dir);
    }

    private static void createCollection(Http http, String name, String spec, int vectors) {
        assertThat(http.postJson("api/collections", spec).status()).isEqualTo(201);
        if (vectors > 0) {
            String body = IntStream.range(0, vectors).mapToObj(i -> "{\"id\":\"v" + i + "\",\"vector\":[" + (i % 7 + 1) + "," + (i % 5) + ","
                    + (i % 3 + 1) + "," + i + "],\"payload\":{\"n\":" + i + ",\"tag\":\"" + (i % 2 == 0 ? "even" : "odd") + "\"}}")
                    .collect(Collectors.joining(",", "{\"vectors\":[", "]}"));
            assertThat(http.postJson("api/collections/" + name + "/vectors", body).status()).isEqualTo(200);
        }
    }

    private static JsonObject awaitDone(Http http, String id) throws InterruptedException {
        return awaitBackup(http, id, b -> !"running".equals(b.getString("status")));
    }

    private static JsonObject awaitBackup(Http http, String id, Predicate<JsonObject> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            JsonObject backup = http.get(BACKUPS + "/" + id).json();
            if (done.test(backup) || Instant.now().isAfter(deadline)) {
                return backup;
            }
            Thread.sleep(50);
        }
    }

    private static void awaitList(Http http, Predicate<List<JsonValue>> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!done.test(http.get(BACKUPS).json().getJsonArray("backups")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
    }

    private static List<JsonObject> scrollAll(Http http, String collection) {
        List<JsonObject> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = http.postJson("api/collections/" + collection + "/scroll",
                    "{\"limit\":1000" + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"") + "}").json();
            page.getJsonArray("vectors").forEach(v -> all.add(v.asJsonObject()));
            cursor = page.containsKey("next_cursor") ? page.getString("next_cursor") : null;
        } while (cursor != null);
        return all;
    }

    private static HttpResponse<byte[]> download(Http http, String id, String range) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.resolve(BACKUPS + "/" + id + "/download")).GET();
        if (range != null) {
            request.header("Range", range);
        }
        return http.exchange(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Http.Answer upload(Http http, byte[] archive, String sha256) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.resolve(BACKUPS + "/upload")).header("Content-Type", "application/gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(archive));
        if (sha256 != null) {
            request.header("X-Backup-SHA256", sha256);
        }
        return http.send(request);
    }

    private static Http.Answer multipart(Http http, byte[] archive) {
        String boundary = "vectorizer-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nfrom a form\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"backup.tar.gz\"\r\nContent-Type: application/gzip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(http.resolve(BACKUPS + "/upload")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head), HttpRequest.BodyPublishers.ofByteArray(archive),
                        HttpRequest.BodyPublishers.ofByteArray(tail))));
    }

    private static byte[] withExtra(List<Entry> items, Entry extra) {
        List<Entry> all = new ArrayList<>(items);
        all.add(extra);
        return TarGz.write(all);
    }

    private static byte[] manifestChanged(List<Entry> items, String manifest) {
        return TarGz.write(TarGz.replace(items, "manifest.json", Entry.file("manifest.json", manifest.getBytes(StandardCharsets.UTF_8))));
    }

    private static List<String> files(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
