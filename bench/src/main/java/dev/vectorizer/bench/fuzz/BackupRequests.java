package dev.vectorizer.bench.fuzz;

import dev.vectorizer.bench.fuzz.FuzzRequest.Family;
import dev.vectorizer.bench.harness.TarGz;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What the generic API requests ({@link ApiRequests}, which cover the backup routes' JSON, paths and
 * ids) do not: uploads of broken archives ({@link Archives}) as a raw body or a form, with odd
 * checksums, names and types, and downloads with odd {@code Range} headers.
 */
final class BackupRequests {

    private static final String BACKUPS = "/api/hub/backups";
    private static final List<String> RANGES = List.of("bytes=0-99", "bytes=10-", "bytes=-50", "bytes=5-3", "bytes=0-0", "bytes=-0", "bytes=999999999-",
            "bytes=0-99999999999999999999999", "bytes=99999999999999999999-", "bytes=-99999999999999999999", "bytes=0-1,5-9", "bytes=",
            "bytes=-", "bytes=a-b", "bytes = 0-1", "items=0-9", "bytes=0-1;x", "bytes=1--2", "bytes=--1");
    private static final List<String> SHA256S = List.of("", "x", "0".repeat(64), "F".repeat(64), "0".repeat(63), "0".repeat(6400));

    private final Fixture fixture;
    private final Random random;
    private final Archives archives;

    BackupRequests(Fixture fixture, Random random) {
        this.fixture = fixture;
        this.random = random;
        this.archives = new Archives(fixture.archive);
    }

    FuzzRequest next() {
        return random.nextInt(3) == 0 ? download() : upload();
    }

    private FuzzRequest download() {
        String id = random.nextInt(5) > 0 ? fixture.backupId : Oddities.pick(random, List.of("00000000-0000-0000-0000-000000000000",
                fixture.backupId.toUpperCase(Locale.ROOT), "%2e%2e", "..%2F..%2Fadmin.key"));
        Message message = new Message(random.nextInt(6) == 0 ? "HEAD" : "GET", BACKUPS + "/" + id + "/download").header("Host", fixture.host)
                .header("Authorization", "Bearer " + (random.nextInt(6) == 0 ? fixture.readOnlyKey : fixture.readWriteKey))
                .header("Range", Oddities.pick(random, RANGES));
        if (random.nextInt(4) == 0) {
            message.header("Range", Oddities.pick(random, RANGES)); // two Range headers
        }
        if (random.nextInt(4) == 0) {
            message.header(Oddities.pick(random, List.of("If-Range", "If-None-Match", "If-Match")), Oddities.pick(random, List.of("\"x\"", "*", "")));
        }
        return FuzzRequest.of(Family.API, "download: Range", message.header("Connection", "close"));
    }

    private FuzzRequest upload() {
        String kind = Oddities.pick(random, Archives.CASES);
        byte[] archive = archives.of(kind, random);
        Message message = new Message("POST", BACKUPS + "/upload" + (random.nextInt(4) == 0 ? "?name=" + ApiRequests.encode(Oddities.pick(random,
                List.of("", " ", "x".repeat(300), "\u0000", "a/b"))) : "")).header("Host", fixture.host)
                .header("Authorization", "Bearer " + (random.nextInt(8) == 0 ? fixture.readOnlyKey : fixture.readWriteKey));
        if (random.nextInt(4) == 0) {
            message.header("X-Backup-SHA256", random.nextBoolean() ? TarGz.sha256(archive) : Oddities.pick(random, SHA256S));
        }
        String mutation = "upload: " + kind;
        switch (random.nextInt(8)) {
            case 0 -> {
                mutation += ", as a form";
                form(message, archive, random.nextInt(4) > 0 ? "file" : "archive");
            }
            case 1 -> {
                mutation += ", odd type";
                message.header("Content-Type", Oddities.pick(random, List.of("application/json", "text/plain", "application/zip",
                        "multipart/form-data", "multipart/form-data; boundary=x"))).body(archive);
            }
            case 2 -> {
                mutation += ", chunked";
                message.header("Content-Type", "application/gzip").body(archive).chunked();
            }
            default -> message.header("Content-Type", Oddities.pick(random, List.of("application/gzip", "application/x-gzip",
                    "application/octet-stream"))).body(archive);
        }
        return FuzzRequest.of(Family.API, mutation, message.header("Connection", "close"));
    }

    private void form(Message message, byte[] archive, String part) {
        String boundary = "fuzz" + random.nextInt(1000);
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"sha256\"\r\n\r\n"
                + (random.nextBoolean() ? TarGz.sha256(archive) : Oddities.pick(random, SHA256S)) + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"b.tar.gz\"\r\nContent-Type: application/gzip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + (random.nextInt(5) == 0 ? "" : "--") + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + archive.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(archive, 0, body, head.length, archive.length);
        System.arraycopy(tail, 0, body, head.length + archive.length, tail.length);
        message.header("Content-Type", "multipart/form-data; boundary=" + boundary).body(body);
    }
}
