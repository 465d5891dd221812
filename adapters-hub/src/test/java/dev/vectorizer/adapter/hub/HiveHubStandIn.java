package dev.vectorizer.adapter.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for HiveHub: a real HTTP server (the JDK's) that speaks HiveHub's side of the contract
 * of docs/HUB_INTEGRATION.md, with keys, quotas and failures the tests (or a person trying hub
 * mode) set. JDK only and self-contained, so it also runs as a single-file program:
 *
 * <pre>
 * java adapters-hub/src/test/java/dev/vectorizer/adapter/hub/HiveHubStandIn.java serve --port 8090 --service-key dev-service-key --tenant acme
 * java adapters-hub/src/test/java/dev/vectorizer/adapter/hub/HiveHubStandIn.java sign --secret SIGNING_SECRET --method DELETE --path /api/admin/tenants/acme
 * </pre>
 *
 * Its signer is written here on its own (javax.crypto), not borrowed from the product, so a test
 * that signs with it checks the product's verification against an independent implementation.
 */
public final class HiveHubStandIn implements AutoCloseable {

    /** How the stand-in answers: as HiveHub would, or broken in one of the ways HiveHub can be. */
    public enum Behaviour { NORMAL, ERROR_500, MALFORMED_JSON, WRONG_SHAPE, SLOW }

    /** A key HiveHub knows. {@code expiresAt} and the rate limits may be null. */
    public record Key(String tenantId, String tenantName, String keyId, List<String> permissions, boolean test, Instant expiresAt, Long rpm,
            Long rph, Long rpd) {
    }

    /** A usage report as it arrived (each arrival, repeats included): its id, its tenant, the requests it counts. */
    public record UsageReport(String reportId, String tenantId, long requests) {
    }

    private static final Pattern QUOTA_PATH = Pattern.compile("/api/v1/tenants/([^/]+)/quota");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final String serviceKey;
    private final int port;
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final Map<String, String> revoked = new ConcurrentHashMap<>();
    private final Map<String, String> quotas = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final List<UsageReport> usageReports = new CopyOnWriteArrayList<>();
    private final List<String> logBatches = new CopyOnWriteArrayList<>();
    private volatile Behaviour behaviour = Behaviour.NORMAL;
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration slowness = Duration.ofSeconds(30);
    private volatile boolean denyNextQuotaCheck;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;

    private HiveHubStandIn(int port, String serviceKey) throws IOException {
        this.serviceKey = serviceKey;
        this.server = listen(port);
        this.port = server.getAddress().getPort();
    }

    /** A stand-in on a free loopback port that accepts {@code serviceKey} as the service key. */
    public static HiveHubStandIn start(String serviceKey) throws IOException {
        return new HiveHubStandIn(0, serviceKey);
    }

    public static HiveHubStandIn start(int port, String serviceKey) throws IOException {
        return new HiveHubStandIn(port, serviceKey);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** A new live key for the tenant with the given permissions (READ_WRITE if none). */
    public String addKey(String tenantId, String tenantName, String... permissions) {
        return addKey(new Key(tenantId, tenantName, "key-" + UUID.randomUUID(), permissions.length == 0 ? List.of("READ_WRITE") : List.of(permissions),
                false, null, null, null, null));
    }

    /** A new key as described; a test key gets the {@code hh_test_} prefix. */
    public String addKey(Key key) {
        StringBuilder text = new StringBuilder(key.test() ? "hh_test_" : "hh_live_");
        for (int i = 0; i < 40; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        keys.put(text.toString(), key);
        return text.toString();
    }

    /** HiveHub revokes the key: from now on it answers that the key is not valid. */
    public void revoke(String key) {
        keys.remove(key);
        revoked.put(key, "revoked");
    }

    /** The tenant's quota answer, as the JSON object HiveHub would send. */
    public void quota(String tenantId, String json) {
        quotas.put(tenantId, json);
    }

    public void behave(Behaviour how) {
        this.behaviour = how;
    }

    /** How long every answer waits before it is sent (to let concurrent asks overlap). */
    public void latency(Duration wait) {
        this.latency = wait;
    }

    /** How long a {@link Behaviour#SLOW} answer waits. */
    public void slowness(Duration wait) {
        this.slowness = wait;
    }

    public void denyNextQuotaCheck() {
        this.denyNextQuotaCheck = true;
    }

    /** How many calls reached {@code path} (with the right service key or not). */
    public int calls(String path) {
        return calls.getOrDefault(path, new AtomicInteger()).get();
    }

    public int validations() {
        return calls("/api/v1/keys/validate");
    }

    public List<String> usageReportIds() {
        return usageReports.stream().map(UsageReport::reportId).toList();
    }

    /** Every usage report received, in arrival order, a report sent again as often as it arrived. */
    public List<UsageReport> usageReports() {
        return Collections.unmodifiableList(usageReports);
    }

    public List<String> logBatches() {
        return Collections.unmodifiableList(logBatches);
    }

    /** Stops listening: calls are refused at the TCP level until {@link #up}. */
    public synchronized void down() {
        server.stop(0);
    }

    /** Listens again on the same port. */
    public synchronized void up() throws IOException {
        server = listen(port);
    }

    @Override
    public synchronized void close() {
        server.stop(0);
        executor.close();
    }

    /** HiveHub's signature of a service call: hex(HMAC-SHA256(secret, METHOD\nPATH\nTIMESTAMP\nNONCE\nhex(SHA-256(body)))). */
    public static String sign(String signingSecret, String method, String pathAndQuery, long timestamp, String nonce, byte[] body) {
        try {
            String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            String canonical = method + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + bodyHash;
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpServer listen(int onPort) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 64);
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
        return http;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            calls.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            pause(latency);
            if (!("Bearer " + serviceKey).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"error\":\"unauthorized\"}");
                return;
            }
            switch (behaviour) {
                case ERROR_500 -> send(exchange, 500, "{\"error\":\"internal\"}");
                // garbage answers come from a HiveHub that did the work (a usage report it garbles the answer to is taken)
                case MALFORMED_JSON -> {
                    answer(path, body, exchange);
                    send(exchange, 200, "{\"valid\": tru");
                }
                case WRONG_SHAPE -> {
                    answer(path, body, exchange);
                    send(exchange, 200, "{\"data\":{\"valid\":true}}");
                }
                case SLOW -> {
                    pause(slowness);
                    send(exchange, 200, answer(path, body, exchange));
                }
                case NORMAL -> send(exchange, statusOf(path), answer(path, body, exchange));
            }
        }
    }

    private static int statusOf(String path) {
        return path.equals("/api/v1/usage") || path.equals("/api/v1/vectorizer/logs") ? 202 : 200;
    }

    private String answer(String path, String body, HttpExchange exchange) {
        switch (path) {
            case "/api/v1/keys/validate" -> {
                String presented = field(body, "api_key");
                Key key = keys.get(presented);
                if (key == null) {
                    return "{\"valid\":false,\"reason\":\"" + revoked.getOrDefault(presented, "unknown") + "\"}";
                }
                return "{\"valid\":true,\"tenant_id\":\"" + key.tenantId() + "\",\"tenant_name\":\"" + key.tenantName() + "\",\"api_key_id\":\""
                        + key.keyId() + "\",\"permissions\":[" + String.join(",", key.permissions().stream().map(p -> "\"" + p + "\"").toList())
                        + "],\"rate_limits\":{\"rpm\":" + key.rpm() + ",\"rph\":" + key.rph() + ",\"rpd\":" + key.rpd() + "},\"is_test\":" + key.test()
                        + ",\"expires_at\":" + (key.expiresAt() == null ? "null" : "\"" + key.expiresAt() + "\"") + "}";
            }
            case "/api/v1/quota/check" -> {
                boolean allowed = !denyNextQuotaCheck;
                denyNextQuotaCheck = false;
                return "{\"allowed\":" + allowed + ",\"remaining\":" + (allowed ? 10 : 0) + ",\"limit\":100,\"reason\":"
                        + (allowed ? "null" : "\"over quota\"") + "}";
            }
            case "/api/v1/usage" -> {
                usageReports.add(new UsageReport(field(body, "report_id"), field(body, "tenant_id"), number(body, "requests")));
                return "";
            }
            case "/api/v1/vectorizer/logs" -> {
                logBatches.add(body);
                return "";
            }
            default -> {
                Matcher quota = QUOTA_PATH.matcher(path);
                if (quota.matches() && "GET".equals(exchange.getRequestMethod())) {
                    return quotas.getOrDefault(quota.group(1),
                            "{\"max_collections\":null,\"max_vectors\":null,\"max_storage_bytes\":null,\"rpm\":null,\"rph\":null,\"rpd\":null}");
                }
                return "{\"error\":\"not found\"}";
            }
        }
    }

    /** A string field of a flat JSON object (enough for the requests this stand-in reads). */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    /** A whole-number field of a flat JSON object, or -1. */
    private static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void pause(Duration wait) {
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * {@code serve --port P --service-key K [--tenant T]...}: runs a stand-in and prints a key per tenant;
     * {@code sign --secret S --method M --path P [--body-file F]}: prints the x-hivehub-* headers of a call.
     */
    public static void main(String[] args) throws Exception {
        Map<String, List<String>> options = new ConcurrentHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.computeIfAbsent(args[i].replaceFirst("^--", ""), k -> new ArrayList<>()).add(args[i + 1]);
        }
        String command = args.length == 0 ? "" : args[0];
        if (command.equals("serve")) {
            HiveHubStandIn hub = start(Integer.parseInt(one(options, "port", "8090")), one(options, "service-key", "dev-service-key"));
            System.out.println("HiveHub stand-in at " + hub.url() + " (service key: " + hub.serviceKey + ")");
            for (String tenant : options.getOrDefault("tenant", List.of("acme"))) {
                System.out.println("  key for tenant " + tenant + ": " + hub.addKey(tenant, tenant + " (stand-in)", "ADMIN", "READ_WRITE"));
            }
            Thread.currentThread().join();
        } else if (command.equals("sign")) {
            long timestamp = Instant.now().getEpochSecond();
            String nonce = UUID.randomUUID().toString();
            byte[] body = options.containsKey("body-file") ? Files.readAllBytes(Path.of(one(options, "body-file", ""))) : new byte[0];
            System.out.println("x-hivehub-timestamp: " + timestamp);
            System.out.println("x-hivehub-nonce: " + nonce);
            System.out.println("x-hivehub-signature: " + sign(one(options, "secret", ""), one(options, "method", "GET"), one(options, "path", "/"),
                    timestamp, nonce, body));
        } else {
            System.err.println("usage: serve --port 8090 --service-key KEY [--tenant ID]... | sign --secret S --method M --path P [--body-file F]");
            System.exit(2);
        }
    }

    private static String one(Map<String, List<String>> options, String name, String otherwise) {
        return options.getOrDefault(name, List.of(otherwise)).getFirst();
    }
}
