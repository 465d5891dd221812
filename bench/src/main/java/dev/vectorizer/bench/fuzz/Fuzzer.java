package dev.vectorizer.bench.fuzz;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * The bad-input fuzzer (issue H, item 2): after setting up a tenant, keys, collections, a backup and
 * an MCP session with valid requests, sends {@code count} malformed requests one after another — 60%
 * to the REST API's routes (backups included), 8% backup uploads and ranged downloads, 10% to
 * GraphQL, 8% to MCP, 9% of broken HTTP for the HTTP layer, 5% to the runtime's endpoints — and
 * checks every 100 that the server is still ready. Seeded: the same seed sends the same requests (only the keys the server
 * issued differ). Bounded by count and by time, and only ever talks to a loopback address.
 */
public final class Fuzzer {

    /** The size of the run CI makes (FuzzSmokeIT). */
    public static final int SMOKE_COUNT = 1500;
    /**
     * The server's settings for a run: failed authentications never block (bad credentials must not
     * hide the other cases), an archive may unpack to 16 MiB (so that a gzip bomb of a few KiB
     * passes it), and every backup is kept (so that the fixture's is never pruned).
     */
    public static final List<String> SERVER_SETTINGS = List.of("-Dvectorizer.auth.brute-force.max-failures=1000000000",
            "-Dvectorizer.backup.max-unpacked-bytes=" + (16 << 20), "-Dvectorizer.backup.retention.max-count=1000000");
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);
    /** The set-up's first text insert loads the embedding model: seconds on a quiet box, far more on a busy one. */
    private static final Duration SETUP_ANSWER_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    private final InetSocketAddress server;
    private final String host;
    private final String adminKey;

    /** A fuzzer of the server at {@code base} (loopback only), set up with the installation's administrator key. */
    public Fuzzer(URI base, String adminKey) {
        try {
            if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("the fuzzer only talks to loopback addresses, not " + base);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
        this.server = new InetSocketAddress(base.getHost(), base.getPort());
        this.host = base.getHost() + ":" + base.getPort();
        this.adminKey = adminKey;
    }

    /** Sends at most {@code count} requests, for at most {@code budget}. */
    public FuzzReport run(long seed, int count, Duration budget) throws InterruptedException {
        Fixture fixture = Fixture.create(new RawHttp(server, SETUP_ANSWER_TIMEOUT), host, adminKey);
        RawHttp http = new RawHttp(server, ANSWER_TIMEOUT);
        Random random = new Random(seed);
        ApiRequests api = new ApiRequests(fixture, random);
        BackupRequests backups = new BackupRequests(fixture, random);
        GraphQLRequests graphql = new GraphQLRequests(fixture, random);
        McpRequests mcp = new McpRequests(fixture, random);
        OtherRequests other = new OtherRequests(fixture, random);
        FuzzReport report = new FuzzReport(seed);
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            int roll = random.nextInt(100);
            FuzzRequest request = roll < 60 ? api.next() : roll < 68 ? backups.next() : roll < 78 ? graphql.next() : roll < 86 ? mcp.next()
                    : roll < 95 ? other.httpLayer() : other.runtime();
            report.record(request, fixture.canonical(request), http.exchange(request.bytes(), request.isHead()));
            if ((i + 1) % 100 == 0 && !checkReady(http, report)) {
                break;
            }
        }
        checkReady(http, report);
        report.finish(Duration.ofNanos(System.nanoTime() - start));
        return report;
    }

    /** Records whether the server is ready; if it is not, waits a while for it to recover, and says whether it did. */
    private boolean checkReady(RawHttp http, FuzzReport report) throws InterruptedException {
        boolean ready = ready(http);
        report.readiness(ready);
        long until = System.nanoTime() + RECOVERY.toNanos();
        while (!ready && System.nanoTime() < until) {
            Thread.sleep(500);
            ready = ready(http);
        }
        return ready;
    }

    private boolean ready(RawHttp http) {
        Message request = new Message("GET", "/health/ready").header("Host", host).header("Connection", "close");
        return http.exchange(request.bytes(), false).status() == 200;
    }
}
